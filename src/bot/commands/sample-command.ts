// Analyzes the built-in sample log through the same job pipeline as a real upload, so a
// newcomer sees exactly what a real answer looks like (buttons included).
import type { TextCommand } from '../action-registry';
import type { JobSubmitter } from '../jobs/enqueue-job';
import { SAMPLE_COMMAND } from './command-list';

export const SAMPLE_LOG_FILE = 'AzureBackup_Check_NW_20240603_090511.log';

export function createSampleCommand(jobs: JobSubmitter, file: string = SAMPLE_LOG_FILE): TextCommand {
  return {
    ...SAMPLE_COMMAND,
    async run(ctx) {
      await jobs.answer(ctx, { kind: 'sample', file });
    },
  };
}
