import * as core from './core.js';

/** One row of a plan, drift or removal table: which resource, which part of it, what. */
export interface PlanRow {
  resource: string;
  field: string;
  change: string;
  detail: string;
}

/** What a mode reports: a title, facts (ARNs and names), a table, and the next step. */
export interface Report {
  title: string;
  facts: Array<[string, string]>;
  tableTitle?: string;
  rows: PlanRow[];
  /** Said when the table is empty. */
  emptyText?: string;
  next?: string;
}

/** Prints the table in the log, aligned, so a reader of the raw log sees the same plan. */
export function logTable(title: string, rows: PlanRow[]): void {
  if (rows.length === 0) return;
  const header: PlanRow = {
    resource: 'Resource',
    field: 'Field',
    change: 'Change',
    detail: 'Detail',
  };
  const all = [header, ...rows];
  const width = (key: keyof PlanRow) => Math.max(...all.map((row) => row[key].length));
  const widths = { resource: width('resource'), field: width('field'), change: width('change') };
  core.info(title);
  for (const row of all) {
    core.info(
      `  ${row.resource.padEnd(widths.resource)}  ${row.field.padEnd(widths.field)}  ${row.change.padEnd(widths.change)}  ${row.detail}`,
    );
  }
}

/** Escapes text for a Markdown table cell: no pipes, no line breaks, no raw HTML. */
function cell(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

export function renderReport(report: Report): string {
  const lines = [`### ${report.title}`, ''];
  if (report.facts.length > 0) {
    lines.push(
      '| | |',
      '| --- | --- |',
      ...report.facts.map(([name, value]) => `| ${cell(name)} | \`${cell(value)}\` |`),
      '',
    );
  }
  if (report.tableTitle) lines.push(`**${report.tableTitle}**`, '');
  if (report.rows.length > 0) {
    lines.push('| Resource | Field | Change | Detail |', '| --- | --- | --- | --- |');
    for (const row of report.rows)
      lines.push(
        `| ${cell(row.resource)} | ${cell(row.field)} | ${cell(row.change)} | ${cell(row.detail)} |`,
      );
    lines.push('');
  } else if (report.emptyText) {
    lines.push(report.emptyText, '');
  }
  if (report.next) lines.push(`Next: ${report.next}`, '');
  return lines.join('\n');
}

/** Appends the report to the job summary; a runner without a summary file just skips it. */
export function writeReport(report: Report): void {
  core.appendSummary(renderReport(report));
}
