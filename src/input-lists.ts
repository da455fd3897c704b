import { inputError, quote } from './errors.js';

/** Splits a comma- or newline-separated input, dropping blanks. */
export function splitList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

const MAX_PATTERN_LENGTH = 512;

/**
 * Auto-approval patterns go to clusteradm, which splits them on commas, and to the hub, which
 * runs them against every joining ARN. So: one per line (or comma), none containing a comma,
 * each compiling, and none with a nested quantifier that could backtrack without end.
 */
export function checkPatterns(value: string): string[] {
  // Newlines separate patterns; a comma inside a line would be split by clusteradm.
  const lines = value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const patterns: string[] = [];
  for (const line of lines) {
    if (/\{\d*,\d*\}/.test(line)) {
      throw inputError(
        'auto-approved-arn-patterns',
        `holds ${quote(line)}, whose comma clusteradm would split into two patterns`,
        'patterns without commas (write {2,3} as an alternation, or one pattern per line without quantifier ranges)',
      );
    }
    for (const pattern of line.split(',').map((part) => part.trim())) {
      if (!pattern) continue;
      patterns.push(pattern);
    }
  }
  for (const pattern of patterns) {
    if (pattern.length > MAX_PATTERN_LENGTH) {
      throw inputError(
        'auto-approved-arn-patterns',
        `holds a pattern of ${pattern.length} characters`,
        `patterns of at most ${MAX_PATTERN_LENGTH} characters`,
      );
    }
    try {
      new RegExp(pattern);
    } catch (error) {
      throw inputError(
        'auto-approved-arn-patterns',
        `holds ${quote(pattern)}, which does not compile (${(error as Error).message})`,
        'regular expressions matching whole cluster ARNs',
      );
    }
    if (/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/.test(pattern)) {
      throw inputError(
        'auto-approved-arn-patterns',
        `holds ${quote(pattern)}, whose nested repetition can backtrack catastrophically`,
        'a pattern without a repeated group that itself repeats, such as arn:aws:eks:us-west-2:123456789012:cluster/prod-.*',
      );
    }
  }
  return patterns;
}
