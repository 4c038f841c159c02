// Ponder loads every file under src/: this one only gathers the three domains' handlers.
import "./governance.js";
import "./money.js";
import "./people.js";
