"""Table and sidebar models, and the Qt-free rows they show."""
