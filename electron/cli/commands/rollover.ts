import type { CliCommand } from '../command';

// Placeholder until the command is built; `nianbao help` lists it as not yet available.
export const command: CliCommand = {
  name: 'rollover',
  summary: '（尚未提供）',
  usage: 'nianbao rollover',
  valueOptions: [],
  async run(_argv, io) {
    io.stderr('此命令尚未提供。\n');
    return 2;
  },
};
