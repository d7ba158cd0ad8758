/** The search read model's part of the store contract (owned with the search feature; re-exported by contract.ts). */
export interface SearchQuery {
  text: string;
  tag?: string;
  limit: number;
}

export interface SearchHit {
  kind: 'note' | 'ask' | 'followup' | 'agitation' | 'person';
  id: number;
  personId: number;
  personName: string;
  at: string | null;
  tag: string | null;
  text: string;
}

export interface SearchReadModel {
  find(query: SearchQuery): Promise<SearchHit[]>;
}
