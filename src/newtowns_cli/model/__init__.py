"""The model: records of the data file and their values (dates, names), the errors."""
