/** What an id shown by `show` and `followups` names: a meeting (M12), a note (N40), an ask (A6) or a follow-up (F3). */
export type RecordKind = 'meeting' | 'note' | 'ask' | 'followup';

const PREFIX: Record<RecordKind, string> = { meeting: 'M', note: 'N', ask: 'A', followup: 'F' };

export function recordId(kind: RecordKind, id: number): string {
  return `${PREFIX[kind]}${id}`;
}

/** "M12" -> meeting 12; case and a leading # do not matter; anything else -> undefined. */
export function parseRecordId(input: string): { kind: RecordKind; id: number } | undefined {
  const match = /^#?([mnaf])\s*(\d{1,15})$/i.exec(input.trim());
  if (!match) return undefined;
  const kind = (Object.keys(PREFIX) as RecordKind[]).find((key) => PREFIX[key] === match[1]!.toUpperCase())!;
  return { kind, id: Number(match[2]) };
}
