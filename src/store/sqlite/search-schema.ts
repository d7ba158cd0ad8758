import type { Migration } from './migrations.js';

/** The full-text index (placeholder until the search feature lands). */
export const SEARCH_MIGRATION: Migration = { name: '007-search', sql: 'SELECT 1;' };
