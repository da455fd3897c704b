import * as core from './core.js';

import { cleanup } from './cleanup.js';
import { run } from './main.js';

// The same entry serves as the post step, which the runner marks with the saved state.
if (core.getState('isPost') === 'true') {
  void cleanup();
} else {
  core.saveState('isPost', 'true');
  void run();
}
