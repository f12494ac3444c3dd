import type { CalcCommand } from "./calc-command";
import { ctcaeCalcCommands } from "./ctcae/calc-commands";
import { dosingCalcCommands } from "./dosing/calc-commands";
import { liverCalcCommands } from "./liver/calc-commands";
import { recistCalcCommands } from "./recist/calc-commands";
import { statisticsCalcCommands } from "./statistics/calc-commands";
import { survivalCalcCommands } from "./survival/calc-commands";

const AREAS: Record<string, CalcCommand>[] = [
  dosingCalcCommands,
  liverCalcCommands,
  ctcaeCalcCommands,
  recistCalcCommands,
  survivalCalcCommands,
  statisticsCalcCommands,
];

/** Every calculator of the rules engine by CLI name; a name defined twice is a bug. */
export function listCalcCommands(): Map<string, CalcCommand> {
  const commands = new Map<string, CalcCommand>();
  for (const area of AREAS) {
    for (const [name, command] of Object.entries(area)) {
      if (commands.has(name)) throw new Error(`Calculator "${name}" is defined twice`);
      commands.set(name, command);
    }
  }
  return commands;
}
