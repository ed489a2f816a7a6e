/** One SQL client per process, shared by the SQL event store and the read models. */
export const SQL_CLIENT = Symbol('SQL_CLIENT');
