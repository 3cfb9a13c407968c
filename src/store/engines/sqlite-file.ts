/** Name of the SQLite database file inside the data directory. */
export const SQLITE_FILE_NAME = 'myelectricaldata.db';
