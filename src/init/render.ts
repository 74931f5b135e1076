import type { InitPlan } from "./plan.js";

/** The plan as init prints it: the files, the commands to run, the connect string. */
export function renderPlan(plan: InitPlan, dryRun: boolean): string {
  const width = Math.max(...plan.files.map((f) => f.path.length));
  const lines = [`${dryRun ? "Would write" : "Wrote"} ${plan.summary}:`];
  for (const f of plan.files) lines.push(`  ${f.path.padEnd(width)}  ${f.note}`);
  for (const step of plan.steps) lines.push("", step.heading, ...step.commands.map((c) => `  ${c}`));
  lines.push("", `Clients connect to ${plan.connectString}`);
  if (dryRun) lines.push("", "Nothing was written (--dry-run).");
  return `${lines.join("\n")}\n`;
}
