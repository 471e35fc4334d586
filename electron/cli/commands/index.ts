import type { CliCommand } from '../command';
import { command as check } from './check';
import { command as newReport } from './new';
import { command as exportReport } from './export';
import { command as importReport } from './import';
import { command as batch } from './batch';
import { command as rollover } from './rollover';
import { command as aggregate } from './aggregate';

export const COMMANDS: CliCommand[] = [check, newReport, importReport, exportReport, rollover, batch, aggregate];
