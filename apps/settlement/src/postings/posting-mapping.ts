import { ChartAccount, PostingMappingFile, postingMappingSchema, PostingRule } from './posting-mapping.schema';

/** What a rule matches a settlement line on. */
export interface PostedLineKind {
  readonly event: string;
  readonly operation: string;
  readonly direction: string;
  readonly merchantId: string;
  /** null when the event named no card scheme: matched as `unknown`. */
  readonly scheme: string | null;
  readonly currency: string;
}

const CRITERIA = ['event', 'operation', 'direction', 'merchant', 'scheme', 'currency'] as const;
type Criterion = (typeof CRITERIA)[number];
/** The lines a rule matches: each criterion a value or `*`. */
type Pattern = Readonly<Record<Criterion, string>>;

const valueOf = (line: PostedLineKind): Pattern => ({
  event: line.event,
  operation: line.operation,
  direction: line.direction,
  merchant: line.merchantId,
  scheme: line.scheme ?? 'unknown',
  currency: line.currency,
});

const specificity = (rule: Pattern): number => CRITERIA.filter((c) => rule[c] !== '*').length;
/** Some line matches both: on every criterion they name the same value or one of them is `*`. */
const overlap = (a: Pattern, b: Pattern): boolean => CRITERIA.every((c) => a[c] === '*' || b[c] === '*' || a[c] === b[c]);
/** A pattern as one text, the same for the same criteria only. */
const keyOf = (pattern: Pattern): string => JSON.stringify(CRITERIA.map((c) => pattern[c]));
/** The lines both match, as a pattern: each criterion from whichever rule names it. */
const meet = (a: Pattern, b: Pattern): Pattern => Object.fromEntries(CRITERIA.map((c) => [c, a[c] === '*' ? b[c] : a[c]])) as Pattern;

/** A mapping file that cannot be used: every problem, each with the JSON path at fault. */
export class PostingMappingError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`posting mapping ${source} is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'PostingMappingError';
  }
}

/**
 * The bank's chart of accounts and the rules that post each settlement line to it. The most
 * specific matching rule wins (the most criteria named). Two rules of equal specificity that can
 * match the same line are refused unless a rule names exactly the lines they share, so which rule
 * posts a line never depends on their order in the file.
 */
export class PostingMapping {
  private readonly accounts: ReadonlyMap<string, ChartAccount>;
  /** Most specific first. */
  private readonly rules: readonly PostingRule[];

  private constructor(file: PostingMappingFile) {
    this.accounts = new Map(file.accounts.map((a) => [a.number, a]));
    this.rules = [...file.rules].sort((a, b) => specificity(b) - specificity(a));
  }

  /** Validates a parsed mapping file; `source` (its path) names it in the error. */
  static of(content: unknown, source: string): PostingMapping {
    const parsed = postingMappingSchema.safeParse(content);
    if (!parsed.success)
      throw new PostingMappingError(
        source,
        parsed.error.issues.map((i) => `${pathOf(i.path)}: ${i.message}`),
      );
    const problems = problemsOf(parsed.data);
    if (problems.length > 0) throw new PostingMappingError(source, problems);
    return new PostingMapping(parsed.data);
  }

  /** The rule that posts lines of this kind; undefined when none does. */
  ruleFor(line: PostedLineKind): PostingRule | undefined {
    const value = valueOf(line);
    return this.rules.find((rule) => CRITERIA.every((c) => rule[c] === '*' || rule[c] === value[c]));
  }

  accountName(number: string): string | undefined {
    return this.accounts.get(number)?.name;
  }
}

function problemsOf(file: PostingMappingFile): string[] {
  const problems: string[] = [];
  const numbers = new Set<string>();
  file.accounts.forEach(({ number }, i) => {
    if (numbers.has(number)) problems.push(`accounts[${i}].number: account ${number} is listed twice`);
    numbers.add(number);
  });
  const ids = new Set<string>();
  file.rules.forEach((rule, i) => {
    if (ids.has(rule.id)) problems.push(`rules[${i}].id: rule id "${rule.id}" is used twice`);
    ids.add(rule.id);
    for (const side of ['debitAccount', 'creditAccount'] as const)
      if (!numbers.has(rule[side])) problems.push(`rules[${i}].${side}: account ${rule[side]} is not in the chart (accounts)`);
    if (rule.debitAccount === rule.creditAccount) problems.push(`rules[${i}].creditAccount: the same account as debitAccount`);
  });
  const patterns = new Set(file.rules.map(keyOf));
  file.rules.forEach((a, i) =>
    file.rules.forEach((b, j) => {
      if (j <= i || specificity(a) !== specificity(b) || !overlap(a, b)) return;
      if (keyOf(a) === keyOf(b)) problems.push(`rules[${j}]: matches exactly the lines rules[${i}] matches`);
      else if (!patterns.has(keyOf(meet(a, b))))
        problems.push(`rules[${j}]: as specific as rules[${i}] and both match ${describe(meet(a, b))}: add a rule for those lines`);
    }),
  );
  return problems;
}

const describe = (pattern: Pattern): string =>
  CRITERIA.filter((c) => pattern[c] !== '*')
    .map((c) => `${c} ${pattern[c]}`)
    .join(', ');

const pathOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(root)';
