# UI tests (QT_QPA_PLATFORM=offscreen)
