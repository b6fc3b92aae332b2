/** Company settings every tenant has, their defaults (for a tenant that never saved one) and their limits. */
export interface TenantSettingValues {
  /** Days a deleted record stays restorable before the daily purge. */
  recycleRetentionDays: number;
  /** The 5 essential customer fields of the phone's lite view. */
  liteFields: string[];
  /** Delete, export and attachment management never pass down role inheritance. */
  leastPrivilege: boolean;
  /** Days a new hire stays in the sandbox after the hire date (0 turns it off). */
  sandboxDays: number;
  /** Follow-ups older than this take amendments instead of edits. */
  followupEditWindowHours: number;
  /** The oldest app version (semver) the API still serves; older clients get 426 and upgrade. */
  minClientVersion: string;
  /** Keep an uploaded image's original file beside its WebP variants (off: the web variant replaces it). */
  keepImageOriginals: boolean;
}

export const tenantSettingDefaults: Readonly<TenantSettingValues> = {
  recycleRetentionDays: 30,
  liteFields: ['name', 'ownerId', 'mainPhone', 'level', 'lastFollowupAt'],
  leastPrivilege: true,
  sandboxDays: 7,
  followupEditWindowHours: 72,
  minClientVersion: '0.0.0',
  keepImageOriginals: false,
};

/** Inclusive bounds of the numeric settings. */
export const tenantSettingLimits = {
  recycleRetentionDays: { min: 1, max: 3650 },
  sandboxDays: { min: 0, max: 90 },
  followupEditWindowHours: { min: 1, max: 24 * 365 },
  liteFields: { min: 1, max: 5 },
} as const;
