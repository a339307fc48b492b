"""`briefings import`: existing 7-minute briefings (Word .docx, text PDFs) to draft briefings.

Owns reading a document into blocks (docx.py, pdf.py), mapping its headings onto the seven
segments (segments.py, metadata.py) and writing the draft Markdown with its report (writer.py,
run.py). Sits beside generator.build: it may import config, read, safety and the lower leaves,
and hands back only files written and lines to print.
"""
