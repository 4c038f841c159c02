// Ponder loads every file under src/: this one only gathers the two domains' handlers.
import "./governance.js";
import "./money.js";
