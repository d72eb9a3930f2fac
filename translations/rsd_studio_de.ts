<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
  <context>
    <name>main</name>
    <message>
      <source>Upscale photos 4x with one-step residual shifting diffusion.</source>
      <translation>Fotos 4-fach hochskalieren mit einstufiger Residual-Shifting-Diffusion.</translation>
    </message>
    <message>
      <source>Show version information.</source>
      <translation>Versionsinformationen anzeigen.</translation>
    </message>
    <message>
      <source>Save a screenshot of the window to FILE and quit.</source>
      <translation>Bildschirmfoto des Fensters in DATEI speichern und beenden.</translation>
    </message>
    <message>
      <source>Compare mode: side, split or flip.</source>
      <translation>Vergleichsmodus: side, split oder flip.</translation>
    </message>
    <message>
      <source>Preview this region (LR pixels X,Y,W,H) before grabbing.</source>
      <translation>Diesen Bereich (LR-Pixel X,Y,B,H) vor der Aufnahme in der Vorschau berechnen.</translation>
    </message>
    <message>
      <source>Also run the teacher on the region.</source>
      <translation>Auch das Lehrermodell auf den Bereich anwenden.</translation>
    </message>
    <message>
      <source>Upscale the opened photos as a batch before grabbing.</source>
      <translation>Geöffnete Fotos vor der Aufnahme als Stapel hochskalieren.</translation>
    </message>
    <message>
      <source>Zoom factor of the compare view (1 = 100 %).</source>
      <translation>Zoomfaktor der Vergleichsansicht (1 = 100 %).</translation>
    </message>
    <message>
      <source>Photos or folders to open.</source>
      <translation>Zu öffnende Fotos oder Ordner.</translation>
    </message>
    <message>
      <source>Detail of the region preview in percent.</source>
      <translation>Detail der Bereichsvorschau in Prozent.</translation>
    </message>
    <message>
      <source>Draw the map of invented detail at this opacity (percent).</source>
      <translation>Die Karte erfundener Details mit dieser Deckkraft (Prozent) zeichnen.</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::AboutDialog</name>
    <message>
      <source>About RSD Studio</source>
      <translation>Über RSD Studio</translation>
    </message>
    <message>
      <source>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;Photo upscaling with one-step residual shifting diffusion (RSD, arXiv:2503.13358), distilled from ResShift.&lt;/p&gt;</source>
      <translation>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;Foto-Hochskalierung mit einstufiger Residual-Shifting-Diffusion (RSD, arXiv:2503.13358), destilliert aus ResShift.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Versions&lt;/b&gt;&lt;br&gt;Qt %1 (runtime %2)&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;br&gt;Qt 6: LGPL-3.0&lt;br&gt;LibTorch (PyTorch): BSD-3-Clause&lt;br&gt;OpenCV: Apache-2.0&lt;br&gt;Exiv2: GPL-2.0-or-later&lt;br&gt;nlohmann/json: MIT&lt;br&gt;Model weights: see each model card's licence field.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Versionen&lt;/b&gt;&lt;br&gt;Qt %1 (Laufzeit %2)&lt;br&gt;%3&lt;br&gt;Modell: %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lizenzen&lt;/b&gt;&lt;br&gt;Qt 6: LGPL-3.0&lt;br&gt;LibTorch (PyTorch): BSD-3-Clause&lt;br&gt;OpenCV: Apache-2.0&lt;br&gt;Exiv2: GPL-2.0-or-later&lt;br&gt;nlohmann/json: MIT&lt;br&gt;Modellgewichte: siehe das Lizenzfeld der jeweiligen Modellkarte.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchController</name>
    <message>
      <source>output already exists</source>
      <translation>Ausgabedatei existiert bereits</translation>
    </message>
    <message>
      <source>loading</source>
      <translation>wird geladen</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchPanel</name>
    <message>
      <source>Start</source>
      <translation>Starten</translation>
    </message>
    <message>
      <source>Start the batch (Ctrl+Return)</source>
      <translation>Stapel starten (Strg+Eingabe)</translation>
    </message>
    <message>
      <source>Cancel item</source>
      <translation>Eintrag abbrechen</translation>
    </message>
    <message>
      <source>Cancel all</source>
      <translation>Alle abbrechen</translation>
    </message>
    <message>
      <source>Cancel the batch (Ctrl+.)</source>
      <translation>Stapel abbrechen (Strg+.)</translation>
    </message>
    <message>
      <source>Retry failed</source>
      <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
      <source>Clear finished</source>
      <translation>Erledigte entfernen</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>Fortsetzen</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Pausieren</translation>
    </message>
    <message>
      <source>%1 of %2 photos</source>
      <translation>%1 von %2 Fotos</translation>
    </message>
    <message>
      <source>about %1 left</source>
      <translation>noch etwa %1</translation>
    </message>
    <message>
      <source>estimating…</source>
      <translation>wird geschätzt…</translation>
    </message>
    <message>
      <source>paused</source>
      <translation>pausiert</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchQueueModel</name>
    <message>
      <source>Queued</source>
      <translation>Wartend</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>Läuft</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Fertig</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Fehlgeschlagen</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Abgebrochen</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>Übersprungen</translation>
    </message>
    <message>
      <source>Done (%1 s)</source>
      <translation>Fertig (%1 s)</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Foto</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Größe</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Fortschritt</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Fehler</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::CompareView</name>
    <message>
      <source>Original</source>
      <translation>Original</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Vorschau</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>Hochskaliert</translation>
    </message>
    <message>
      <source>SR %1, %2  ·  LR %3, %4  ·  LR RGB %5 %6 %7</source>
      <translation>SR %1, %2  ·  LR %3, %4  ·  LR RGB %5 %6 %7</translation>
    </message>
    <message>
      <source>  ·  SR RGB %1 %2 %3</source>
      <translation>  ·  SR RGB %1 %2 %3</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::EmptyStateWidget</name>
    <message>
      <source>Drop photos here</source>
      <translation>Fotos hier ablegen</translation>
    </message>
    <message>
      <source>Drag photos or folders onto this window to upscale them 4×.
You can also open files, or paste an image from the clipboard (Ctrl+V).
Supported: JPEG, PNG, TIFF, WebP and BMP, 8 or 16 bits, with metadata kept.</source>
      <translation>Ziehen Sie Fotos oder Ordner auf dieses Fenster, um sie 4× hochzuskalieren.
Sie können auch Dateien öffnen oder ein Bild aus der Zwischenablage einfügen (Strg+V).
Unterstützt: JPEG, PNG, TIFF, WebP und BMP, 8 oder 16 Bit, Metadaten bleiben erhalten.</translation>
    </message>
    <message>
      <source>Open Photos…</source>
      <translation>Fotos öffnen…</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::MainWindow</name>
    <message>
      <source>Zoom %1 %</source>
      <translation>Zoom %1 %</translation>
    </message>
    <message>
      <source>Model could not be loaded: %1</source>
      <translation>Modell konnte nicht geladen werden: %1</translation>
    </message>
    <message>
      <source>Memory %1 MB</source>
      <translation>Speicher %1 MB</translation>
    </message>
    <message>
      <source>The new language applies when RSD Studio restarts.</source>
      <translation>Die neue Sprache gilt nach einem Neustart von RSD Studio.</translation>
    </message>
    <message>
      <source>Batch finished: %1 done, %2 failed, %3 skipped.</source>
      <translation>Stapel beendet: %1 fertig, %2 fehlgeschlagen, %3 übersprungen.</translation>
    </message>
    <message>
      <source>RSD Studio</source>
      <translation>RSD Studio</translation>
    </message>
    <message>
      <source>%1 — RSD Studio</source>
      <translation>%1 — RSD Studio</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <source>&amp;Batch</source>
      <translation>&amp;Stapel</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>&amp;Open Photos…</source>
      <translation>Fotos ö&amp;ffnen…</translation>
    </message>
    <message>
      <source>Open &amp;Folder…</source>
      <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
      <source>&amp;Paste Image</source>
      <translation>Bild &amp;einfügen</translation>
    </message>
    <message>
      <source>&amp;Export Comparison…</source>
      <translation>Vergleich e&amp;xportieren…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
      <source>&amp;About RSD Studio</source>
      <translation>Ü&amp;ber RSD Studio</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>Ver&amp;größern</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
      <source>&amp;Fit</source>
      <translation>&amp;Einpassen</translation>
    </message>
    <message>
      <source>100 %</source>
      <translation>100 %</translation>
    </message>
    <message>
      <source>200 %</source>
      <translation>200 %</translation>
    </message>
    <message>
      <source>400 %</source>
      <translation>400 %</translation>
    </message>
    <message>
      <source>Side by Side</source>
      <translation>Nebeneinander</translation>
    </message>
    <message>
      <source>Split</source>
      <translation>Geteilt</translation>
    </message>
    <message>
      <source>A/B Flip</source>
      <translation>A/B-Wechsel</translation>
    </message>
    <message>
      <source>Flip Original/Upscaled</source>
      <translation>Original/Hochskaliert wechseln</translation>
    </message>
    <message>
      <source>Original Enlarged &amp;Bicubic</source>
      <translation>Original &amp;bikubisch vergrößert</translation>
    </message>
    <message>
      <source>&amp;Region Preview Tool</source>
      <translation>&amp;Bereichsvorschau-Werkzeug</translation>
    </message>
    <message>
      <source>Drag a rectangle to preview its upscale (or Shift+drag any time)</source>
      <translation>Ziehen Sie ein Rechteck auf, um dessen Hochskalierung vorab zu sehen (oder jederzeit Umschalt+Ziehen)</translation>
    </message>
    <message>
      <source>Compare with &amp;Teacher</source>
      <translation>Mit &amp;Lehrermodell vergleichen</translation>
    </message>
    <message>
      <source>&amp;Add Photo to Batch</source>
      <translation>Foto zum Stapel &amp;hinzufügen</translation>
    </message>
    <message>
      <source>Add &amp;All Photos to Batch</source>
      <translation>&amp;Alle Fotos zum Stapel hinzufügen</translation>
    </message>
    <message>
      <source>&amp;Start Batch</source>
      <translation>Stapel &amp;starten</translation>
    </message>
    <message>
      <source>&amp;Pause/Resume Batch</source>
      <translation>Stapel &amp;pausieren/fortsetzen</translation>
    </message>
    <message>
      <source>&amp;Cancel Batch</source>
      <translation>Stapel &amp;abbrechen</translation>
    </message>
    <message>
      <source>&amp;Retry Failed</source>
      <translation>Fehlgeschlagene &amp;wiederholen</translation>
    </message>
    <message>
      <source>Region Preview</source>
      <translation>Bereichsvorschau</translation>
    </message>
    <message>
      <source>Batch Queue</source>
      <translation>Stapelwarteschlange</translation>
    </message>
    <message>
      <source>Model: %1 (loads on first use)</source>
      <translation>Modell: %1 (wird bei erster Verwendung geladen)</translation>
    </message>
    <message>
      <source>Model: %1 · %2</source>
      <translation>Modell: %1 · %2</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) loaded</source>
      <translation>
        <numerusform>%n Foto geladen</numerusform>
        <numerusform>%n Fotos geladen</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot open %1: %2</source>
      <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
      <source>Open Photos</source>
      <translation>Fotos öffnen</translation>
    </message>
    <message>
      <source>Images (%1)</source>
      <translation>Bilder (%1)</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>Ordner öffnen</translation>
    </message>
    <message>
      <source>The clipboard holds no image.</source>
      <translation>Die Zwischenablage enthält kein Bild.</translation>
    </message>
    <message>
      <source>Could not keep the pasted image in %1.</source>
      <translation>Das eingefügte Bild konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
      <source>Previewing region %1×%2…</source>
      <translation>Vorschau des Bereichs %1×%2…</translation>
    </message>
    <message>
      <source>Select a region first (Shift+drag on the photo).</source>
      <translation>Wählen Sie zuerst einen Bereich (Umschalt+Ziehen auf dem Foto).</translation>
    </message>
    <message>
      <source>Preview failed: %1</source>
      <translation>Vorschau fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) added to the batch</source>
      <translation>
        <numerusform>%n Foto zum Stapel hinzugefügt</numerusform>
        <numerusform>%n Fotos zum Stapel hinzugefügt</numerusform>
      </translation>
    </message>
    <message>
      <source>Original</source>
      <translation>Original</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>Hochskaliert</translation>
    </message>
    <message>
      <source>Side by side (*.png *.jpg)</source>
      <translation>Nebeneinander (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Split at the divider (*.png *.jpg)</source>
      <translation>An der Trennlinie geteilt (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Export Comparison</source>
      <translation>Vergleich exportieren</translation>
    </message>
    <message>
      <source>Comparison saved to %1</source>
      <translation>Vergleich gespeichert unter %1</translation>
    </message>
    <message>
      <source>Could not save %1</source>
      <translation>%1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
      <source>No photos found in what was opened.</source>
      <translation>In der Auswahl wurden keine Fotos gefunden.</translation>
    </message>
    <message>
      <source>The photo is in the batch already; its map can be asked for when it is done.</source>
      <translation>Das Foto ist bereits im Stapel; seine Karte kann angefordert werden, wenn es fertig ist.</translation>
    </message>
    <message>
      <source>Open a photo first.</source>
      <translation>Zuerst ein Foto öffnen.</translation>
    </message>
    <message>
      <source>Upscaling the whole photo with its map of invented detail…</source>
      <translation>Das ganze Foto wird mit seiner Karte erfundener Details hochskaliert…</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::RegionPreviewPanel</name>
    <message>
      <source>%1×%2 px, nearest neighbour</source>
      <translation>%1×%2 px, nächster Nachbar</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>In Arbeit…</translation>
    </message>
    <message>
      <source>Working… (the teacher takes many steps)</source>
      <translation>In Arbeit… (das Lehrermodell braucht viele Schritte)</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Abgebrochen</translation>
    </message>
    <message>
      <source>Failed: %1</source>
      <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s</source>
      <translation>%1 auf %2 · %3 s</translation>
    </message>
    <message>
      <source>Original</source>
      <translation>Original</translation>
    </message>
    <message>
      <source>Student (one step)</source>
      <translation>Schülermodell (ein Schritt)</translation>
    </message>
    <message>
      <source>Teacher (multi-step)</source>
      <translation>Lehrermodell (mehrstufig)</translation>
    </message>
    <message>
      <source>Compare with teacher</source>
      <translation>Mit Lehrermodell vergleichen</translation>
    </message>
    <message>
      <source>Shift+drag a rectangle on the photo to preview that region.</source>
      <translation>Ziehen Sie mit Umschalt ein Rechteck auf dem Foto auf, um diesen Bereich vorab zu sehen.</translation>
    </message>
    <message>
      <source>Region %1, %2 · %3×%4 px</source>
      <translation>Bereich %1, %2 · %3×%4 px</translation>
    </message>
    <message>
      <source>Detail:</source>
      <translation>Detail:</translation>
    </message>
    <message>
      <source>0 %: the mean of several samples, most faithful to the photo and softest. 100 %: a single sample, with the most (partly invented) detail.</source>
      <translation>0 %: der Mittelwert mehrerer Stichproben, am treuesten zum Foto und am weichsten. 100 %: eine einzelne Stichprobe mit den meisten (teils erfundenen) Details.</translation>
    </message>
    <message>
      <source>Show invented detail</source>
      <translation>Erfundene Details zeigen</translation>
    </message>
    <message>
      <source>Colours the places where the samples disagree: the model invented detail there that the photo does not hold (black: all samples agree).</source>
      <translation>Färbt die Stellen, an denen die Stichproben voneinander abweichen: Dort hat das Modell Details erfunden, die das Foto nicht enthält (schwarz: alle Stichproben stimmen überein).</translation>
    </message>
    <message>
      <source>Opacity:</source>
      <translation>Deckkraft:</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, samples: %4</source>
      <translation>%1 auf %2 · %3 s, Stichproben: %4</translation>
    </message>
    <message>
      <source>Map the whole photo</source>
      <translation>Ganzes Foto kartieren</translation>
    </message>
    <message>
      <source>Upscales the whole photo with its map of invented detail (through the batch queue) and shows the map over the result.</source>
      <translation>Skaliert das ganze Foto mit seiner Karte erfundener Details hoch (über die Stapelwarteschlange) und zeigt die Karte über dem Ergebnis.</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, more samples coming…</source>
      <translation>%1 auf %2 · %3 s, weitere Stichproben folgen…</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Einstellungen</translation>
    </message>
    <message>
      <source>Other…</source>
      <translation>Andere…</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>Automatisch</translation>
    </message>
    <message>
      <source>CPU</source>
      <translation>CPU</translation>
    </message>
    <message>
      <source>CUDA GPU</source>
      <translation>CUDA-GPU</translation>
    </message>
    <message>
      <source>CUDA GPU (not available)</source>
      <translation>CUDA-GPU (nicht verfügbar)</translation>
    </message>
    <message>
      <source> px</source>
      <translation> px</translation>
    </message>
    <message>
      <source>Next to each photo</source>
      <translation>Neben jedem Foto</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Durchsuchen…</translation>
    </message>
    <message>
      <source>Output folder</source>
      <translation>Ausgabeordner</translation>
    </message>
    <message>
      <source>Same as the photo</source>
      <translation>Wie das Foto</translation>
    </message>
    <message>
      <source>Tokens: {stem} photo name, {ext} output extension, {scale} factor, {model} model name, {date} today</source>
      <translation>Platzhalter: {stem} Fotoname, {ext} Ausgabe-Endung, {scale} Faktor, {model} Modellname, {date} heutiges Datum</translation>
    </message>
    <message>
      <source>Keep all metadata</source>
      <translation>Alle Metadaten behalten</translation>
    </message>
    <message>
      <source>Keep all but GPS location</source>
      <translation>Alles außer GPS-Standort behalten</translation>
    </message>
    <message>
      <source>Strip all metadata (keep the colour profile)</source>
      <translation>Alle Metadaten entfernen (Farbprofil behalten)</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>Systemsprache</translation>
    </message>
    <message>
      <source>System</source>
      <translation>System</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Hell</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Dunkel</translation>
    </message>
    <message>
      <source>Show the original enlarged bicubic (else nearest neighbour)</source>
      <translation>Original bikubisch vergrößert zeigen (sonst nächster Nachbar)</translation>
    </message>
    <message>
      <source>Notify me when a long batch ends</source>
      <translation>Benachrichtigen, wenn ein langer Stapel endet</translation>
    </message>
    <message>
      <source>Model:</source>
      <translation>Modell:</translation>
    </message>
    <message>
      <source>Teacher for comparison:</source>
      <translation>Lehrermodell zum Vergleich:</translation>
    </message>
    <message>
      <source>Extra models folder:</source>
      <translation>Zusätzlicher Modellordner:</translation>
    </message>
    <message>
      <source>Device:</source>
      <translation>Gerät:</translation>
    </message>
    <message>
      <source>Precision:</source>
      <translation>Genauigkeit:</translation>
    </message>
    <message>
      <source>fp16 (GPU only)</source>
      <translation>fp16 (nur GPU)</translation>
    </message>
    <message>
      <source>Number format of the network: Automatic takes bf16 or fp16 on a GPU and fp32 on most CPUs; lower precision is faster and differs from fp32 by a fraction of a level.</source>
      <translation>Zahlenformat des Netzes: Automatisch wählt bf16 oder fp16 auf einer GPU und fp32 auf den meisten CPUs; geringere Genauigkeit ist schneller und weicht von fp32 um einen Bruchteil einer Tonwertstufe ab.</translation>
    </message>
    <message>
      <source>Tile size:</source>
      <translation>Kachelgröße:</translation>
    </message>
    <message>
      <source>Seed:</source>
      <translation>Startwert:</translation>
    </message>
    <message>
      <source>Output folder:</source>
      <translation>Ausgabeordner:</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>Format:</translation>
    </message>
    <message>
      <source>Quality (JPEG, WebP, HEIF, AVIF):</source>
      <translation>Qualität (JPEG, WebP, HEIF, AVIF):</translation>
    </message>
    <message>
      <source>File name:</source>
      <translation>Dateiname:</translation>
    </message>
    <message>
      <source>Metadata:</source>
      <translation>Metadaten:</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>Sprache:</translation>
    </message>
    <message>
      <source>A new language applies when RSD Studio restarts.</source>
      <translation>Eine neue Sprache gilt nach einem Neustart von RSD Studio.</translation>
    </message>
    <message>
      <source>Theme:</source>
      <translation>Design:</translation>
    </message>
    <message>
      <source>RSD lite (shipped, one step)</source>
      <translation>RSD lite (mitgeliefert, ein Schritt)</translation>
    </message>
    <message>
      <source>ResShift lite teacher (shipped)</source>
      <translation>ResShift-lite-Lehrermodell (mitgeliefert)</translation>
    </message>
    <message>
      <source>Model card</source>
      <translation>Modellkarte</translation>
    </message>
    <message>
      <source>Model cards (*.json)</source>
      <translation>Modellkarten (*.json)</translation>
    </message>
    <message>
      <source>How many samples, each with its own noise, the Detail control blends and the map of invented detail compares. Each costs one more model run.</source>
      <translation>Wie viele Stichproben mit jeweils eigenem Rauschen der Detail-Regler mischt und die Karte erfundener Details vergleicht. Jede kostet einen weiteren Modelllauf.</translation>
    </message>
    <message>
      <source>Also write a map of invented detail (_uncertainty.png) beside each output</source>
      <translation>Zu jeder Ausgabe auch eine Karte erfundener Details (_uncertainty.png) schreiben</translation>
    </message>
    <message>
      <source>Samples for Detail:</source>
      <translation>Stichproben für Detail:</translation>
    </message>
  </context>
</TS>