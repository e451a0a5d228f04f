// The link back to 工作台 in the header (shared by Tasklist, Cockpit and Admin: ../../workbench-link.js).
import '../../workbench-link.js';
