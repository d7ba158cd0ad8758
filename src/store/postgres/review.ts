/** The weekly review's SQL (the view and goals made by `team init`) and its read model. */
import { UserError } from '../../support/errors.js';
import type { OrganizerWeek, TeamReview } from '../review.js';
import type { Query } from './client.js';

/** Made by `team init`, after the team's tables, as the superuser (so the view reads past the notes' row security). */
export const REVIEW_SCHEMA = ``;

/** Run by `team init` after the team's grants (every team role may read and write every table): what to take back. */
export const REVIEW_POLICIES = ``;

export class PgReview implements TeamReview {
  constructor(private readonly q: Query) {}

  async weeks(): Promise<OrganizerWeek[]> {
    void this.q;
    throw new UserError('the weekly review is not built yet', { hint: 'see oneonone team --help' });
  }

  async setGoal(): Promise<void> {
    throw new UserError('weekly goals are not built yet', { hint: 'see oneonone team --help' });
  }
}
