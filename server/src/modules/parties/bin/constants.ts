/** Days a deleted record stays in the bin before an admin may purge it (docs/domain.md "The bin"). */
export const BIN_RETENTION_DAYS = 30;
