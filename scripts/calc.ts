import { listCalcCommands } from "@/lib/domain/calc-registry";
import { runCalcCommand } from "@/lib/domain/run-calc-command";

/**
 * `npm run --silent calc -- <name>`: one JSON object on stdin, one JSON object on stdout.
 * Exit 0 on success, 2 on bad input (message on stderr), 1 on an unknown calculator.
 */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function usage(): string {
  const lines = [...listCalcCommands()].map(([name, c]) => `  ${name.padEnd(20)} ${c.summary}`);
  return `Usage: npm run --silent calc -- <name> < input.json\n\nCalculators:\n${lines.join("\n")}\n`;
}

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = listCalcCommands().get(name);
  if (!command) {
    process.stderr.write(`Unknown calculator "${name}".\n\n${usage()}`);
    return 1;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readStdin());
  } catch {
    process.stderr.write("Input is not valid JSON: send one JSON object on stdin.\n");
    return 2;
  }
  const outcome = runCalcCommand(command, input);
  if (!outcome.ok) {
    process.stderr.write(
      `Invalid input for "${name}":\n${outcome.errors.map((e) => `  ${e.field}: ${e.message}`).join("\n")}\n`,
    );
    return 2;
  }
  process.stdout.write(`${JSON.stringify(outcome.output)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Calculator failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
