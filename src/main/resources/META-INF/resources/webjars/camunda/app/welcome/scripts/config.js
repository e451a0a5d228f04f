// The welcome webapp's configuration (Camunda's customisation point, replacing the default config.js).
import '../../single-sign-on.js';

export default {};
