import { splitSqlStatements } from './sql-script.splitter';

describe(splitSqlStatements.name, () => {
  it('splits at top-level semicolons and drops comment-only pieces', () => {
    const sut = splitSqlStatements('-- header\nCREATE TABLE "a" (x INT);\n\n/* note; */\nCREATE INDEX "i" ON "a"(x);\n-- trailing\n');
    expect(sut).toEqual(['-- header\nCREATE TABLE "a" (x INT)', '/* note; */\nCREATE INDEX "i" ON "a"(x)']);
  });

  it('keeps semicolons inside strings, identifiers, E-strings, dollar quotes and nested comments', () => {
    const script = [
      `INSERT INTO "t;1" VALUES ('a;''b', E'c\\';d')`,
      `CREATE FUNCTION f() RETURNS INT LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END; $body$`,
      `DO $$ BEGIN PERFORM 1; END $$`,
      `SELECT 1 /* outer /* inner; */ still; */`,
    ];
    expect(splitSqlStatements(script.join(';\n') + ';')).toEqual(script);
  });

  it('does not take a parameter like $1 for a dollar quote', () => {
    expect(splitSqlStatements('SELECT $1::int; SELECT 2')).toEqual(['SELECT $1::int', 'SELECT 2']);
  });
});
