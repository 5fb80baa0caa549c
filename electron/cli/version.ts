// `planroom version`: prints the app's version.
import { appVersion } from '../version';
import { common, EXIT, type Verb } from './core';

export const versionVerb: Verb = {
  summary: 'Print the version',
  usage: 'planroom version',
  options: common,
  async run(_v, _p, io) {
    io.out(appVersion());
    return EXIT.ok;
  },
};
