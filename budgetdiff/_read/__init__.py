"""Published text into a `Disclosure`: every table, cell, statement and sentence, located."""
