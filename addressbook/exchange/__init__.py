"""Qt-free import and export: vCard 3.0/4.0 (reading 2.1 too) and CSV, and the import plan.

Reading goes bytes -> DecodedText -> ImportRecords -> ImportPlan (one row per
record: the Contact to create, its client, problems, duplicates). Writing goes
contacts + client names -> text -> file.
"""

from .columns import TARGET_LABELS, TARGETS, ColumnMapping, guess_mapping, records_from_table
from .csv_read import CsvTable, read_table
from .csv_write import CSV_COLUMNS, csv_text
from .files import ExportFormat, ImportSource, export_contacts, read_import_file
from .import_plan import ImportPlan, PlannedRow, RowStatus, build_plan
from .records import ImportRecord
from .text_decoding import DecodedText, decode_bytes
from .vcard_read import read_vcards
from .vcard_write import vcards_text

__all__ = [
    "CSV_COLUMNS",
    "TARGETS",
    "TARGET_LABELS",
    "ColumnMapping",
    "CsvTable",
    "DecodedText",
    "ExportFormat",
    "ImportPlan",
    "ImportRecord",
    "ImportSource",
    "PlannedRow",
    "RowStatus",
    "build_plan",
    "csv_text",
    "decode_bytes",
    "export_contacts",
    "guess_mapping",
    "read_import_file",
    "read_table",
    "read_vcards",
    "records_from_table",
    "vcards_text",
]
