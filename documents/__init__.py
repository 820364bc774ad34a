"""Attached documents (PDF with a text layer, scanned PDF through OCR, DOCX) → Document."""
