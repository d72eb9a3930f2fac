<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>main</name>
    <message>
      <source>Upscale photos 4x with one-step residual shifting diffusion.</source>
      <translation>Amplía fotos 4x con difusión de desplazamiento residual en un paso.</translation>
    </message>
    <message>
      <source>Show version information.</source>
      <translation>Muestra la información de versión.</translation>
    </message>
    <message>
      <source>Save a screenshot of the window to FILE and quit.</source>
      <translation>Guarda una captura de la ventana en FILE y sale.</translation>
    </message>
    <message>
      <source>Compare mode: side, split or flip.</source>
      <translation>Modo de comparación: side, split o flip.</translation>
    </message>
    <message>
      <source>Preview this region (LR pixels X,Y,W,H) before grabbing.</source>
      <translation>Previsualiza esta región (píxeles LR X,Y,W,H) antes de la captura.</translation>
    </message>
    <message>
      <source>Also run the teacher on the region.</source>
      <translation>Ejecuta también el maestro en la región.</translation>
    </message>
    <message>
      <source>Upscale the opened photos as a batch before grabbing.</source>
      <translation>Amplía las fotos abiertas como lote antes de la captura.</translation>
    </message>
    <message>
      <source>Zoom factor of the compare view (1 = 100 %).</source>
      <translation>Factor de zoom de la vista de comparación (1 = 100 %).</translation>
    </message>
    <message>
      <source>Photos or folders to open.</source>
      <translation>Fotos o carpetas que abrir.</translation>
    </message>
    <message>
      <source>Detail of the region preview in percent.</source>
      <translation>Detalle de la vista previa de la región, en porcentaje.</translation>
    </message>
    <message>
      <source>Draw the map of invented detail at this opacity (percent).</source>
      <translation>Dibujar el mapa de detalle inventado con esta opacidad (porcentaje).</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::AboutDialog</name>
    <message>
      <source>About RSD Studio</source>
      <translation>Acerca de RSD Studio</translation>
    </message>
    <message>
      <source>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;Photo upscaling with one-step residual shifting diffusion (RSD, arXiv:2503.13358), distilled from ResShift.&lt;/p&gt;</source>
      <translation>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;Ampliación de fotos con difusión de desplazamiento residual en un solo paso (RSD, arXiv:2503.13358), destilada de ResShift.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Versions&lt;/b&gt;&lt;br&gt;Qt %1 (runtime %2)&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;br&gt;Qt 6: LGPL-3.0&lt;br&gt;LibTorch (PyTorch): BSD-3-Clause&lt;br&gt;OpenCV: Apache-2.0&lt;br&gt;Exiv2: GPL-2.0-or-later&lt;br&gt;nlohmann/json: MIT&lt;br&gt;Model weights: see each model card's licence field.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Versiones&lt;/b&gt;&lt;br&gt;Qt %1 (en ejecución %2)&lt;br&gt;%3&lt;br&gt;Modelo: %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licencias&lt;/b&gt;&lt;br&gt;Qt 6: LGPL-3.0&lt;br&gt;LibTorch (PyTorch): BSD-3-Clause&lt;br&gt;OpenCV: Apache-2.0&lt;br&gt;Exiv2: GPL-2.0-or-later&lt;br&gt;nlohmann/json: MIT&lt;br&gt;Pesos de los modelos: consulte el campo de licencia de cada ficha de modelo.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchController</name>
    <message>
      <source>output already exists</source>
      <translation>la salida ya existe</translation>
    </message>
    <message>
      <source>loading</source>
      <translation>cargando</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchPanel</name>
    <message>
      <source>Start</source>
      <translation>Iniciar</translation>
    </message>
    <message>
      <source>Start the batch (Ctrl+Return)</source>
      <translation>Iniciar el lote (Ctrl+Intro)</translation>
    </message>
    <message>
      <source>Cancel item</source>
      <translation>Cancelar elemento</translation>
    </message>
    <message>
      <source>Cancel all</source>
      <translation>Cancelar todo</translation>
    </message>
    <message>
      <source>Cancel the batch (Ctrl+.)</source>
      <translation>Cancelar el lote (Ctrl+.)</translation>
    </message>
    <message>
      <source>Retry failed</source>
      <translation>Reintentar fallidos</translation>
    </message>
    <message>
      <source>Clear finished</source>
      <translation>Quitar terminados</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>Reanudar</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Pausar</translation>
    </message>
    <message>
      <source>%1 of %2 photos</source>
      <translation>%1 de %2 fotos</translation>
    </message>
    <message>
      <source>about %1 left</source>
      <translation>quedan unos %1</translation>
    </message>
    <message>
      <source>estimating…</source>
      <translation>estimando…</translation>
    </message>
    <message>
      <source>paused</source>
      <translation>en pausa</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchQueueModel</name>
    <message>
      <source>Queued</source>
      <translation>En cola</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>En curso</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Fallido</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Cancelado</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>Omitido</translation>
    </message>
    <message>
      <source>Done (%1 s)</source>
      <translation>Hecho (%1 s)</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Foto</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Tamaño</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Progreso</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Error</translation>
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
      <translation>Vista previa</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>Ampliada</translation>
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
      <translation>Suelte las fotos aquí</translation>
    </message>
    <message>
      <source>Drag photos or folders onto this window to upscale them 4×.
You can also open files, or paste an image from the clipboard (Ctrl+V).
Supported: JPEG, PNG, TIFF, WebP and BMP, 8 or 16 bits, with metadata kept.</source>
      <translation>Arrastre fotos o carpetas a esta ventana para ampliarlas 4×.
También puede abrir archivos o pegar una imagen del portapapeles (Ctrl+V).
Admitidos: JPEG, PNG, TIFF, WebP y BMP, de 8 o 16 bits, conservando los metadatos.</translation>
    </message>
    <message>
      <source>Open Photos…</source>
      <translation>Abrir fotos…</translation>
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
      <translation>No se pudo cargar el modelo: %1</translation>
    </message>
    <message>
      <source>Memory %1 MB</source>
      <translation>Memoria %1 MB</translation>
    </message>
    <message>
      <source>The new language applies when RSD Studio restarts.</source>
      <translation>El nuevo idioma se aplicará al reiniciar RSD Studio.</translation>
    </message>
    <message>
      <source>Batch finished: %1 done, %2 failed, %3 skipped.</source>
      <translation>Lote terminado: %1 hechos, %2 fallidos, %3 omitidos.</translation>
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
      <translation>&amp;Archivo</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ver</translation>
    </message>
    <message>
      <source>&amp;Batch</source>
      <translation>&amp;Lote</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>A&amp;yuda</translation>
    </message>
    <message>
      <source>&amp;Open Photos…</source>
      <translation>&amp;Abrir fotos…</translation>
    </message>
    <message>
      <source>Open &amp;Folder…</source>
      <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
      <source>&amp;Paste Image</source>
      <translation>&amp;Pegar imagen</translation>
    </message>
    <message>
      <source>&amp;Export Comparison…</source>
      <translation>&amp;Exportar comparación…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Salir</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Preferencias…</translation>
    </message>
    <message>
      <source>&amp;About RSD Studio</source>
      <translation>&amp;Acerca de RSD Studio</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>&amp;Acercar</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>A&amp;lejar</translation>
    </message>
    <message>
      <source>&amp;Fit</source>
      <translation>&amp;Ajustar</translation>
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
      <translation>Lado a lado</translation>
    </message>
    <message>
      <source>Split</source>
      <translation>Dividida</translation>
    </message>
    <message>
      <source>A/B Flip</source>
      <translation>Alternar A/B</translation>
    </message>
    <message>
      <source>Flip Original/Upscaled</source>
      <translation>Alternar original/ampliada</translation>
    </message>
    <message>
      <source>Original Enlarged &amp;Bicubic</source>
      <translation>Original ampliada &amp;bicúbica</translation>
    </message>
    <message>
      <source>&amp;Region Preview Tool</source>
      <translation>Herramienta de vista previa de &amp;región</translation>
    </message>
    <message>
      <source>Drag a rectangle to preview its upscale (or Shift+drag any time)</source>
      <translation>Arrastre un rectángulo para previsualizar su ampliación (o Mayús+arrastrar en cualquier momento)</translation>
    </message>
    <message>
      <source>Compare with &amp;Teacher</source>
      <translation>Comparar con el modelo &amp;maestro</translation>
    </message>
    <message>
      <source>&amp;Add Photo to Batch</source>
      <translation>&amp;Añadir foto al lote</translation>
    </message>
    <message>
      <source>Add &amp;All Photos to Batch</source>
      <translation>Añadir &amp;todas las fotos al lote</translation>
    </message>
    <message>
      <source>&amp;Start Batch</source>
      <translation>&amp;Iniciar lote</translation>
    </message>
    <message>
      <source>&amp;Pause/Resume Batch</source>
      <translation>&amp;Pausar/reanudar lote</translation>
    </message>
    <message>
      <source>&amp;Cancel Batch</source>
      <translation>&amp;Cancelar lote</translation>
    </message>
    <message>
      <source>&amp;Retry Failed</source>
      <translation>&amp;Reintentar fallidos</translation>
    </message>
    <message>
      <source>Region Preview</source>
      <translation>Vista previa de región</translation>
    </message>
    <message>
      <source>Batch Queue</source>
      <translation>Cola de lote</translation>
    </message>
    <message>
      <source>Model: %1 (loads on first use)</source>
      <translation>Modelo: %1 (se carga al usarlo por primera vez)</translation>
    </message>
    <message>
      <source>Model: %1 · %2</source>
      <translation>Modelo: %1 · %2</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) loaded</source>
      <translation>
        <numerusform>%n foto cargada</numerusform>
        <numerusform>%n fotos cargadas</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot open %1: %2</source>
      <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
      <source>Open Photos</source>
      <translation>Abrir fotos</translation>
    </message>
    <message>
      <source>Images (%1)</source>
      <translation>Imágenes (%1)</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>Abrir carpeta</translation>
    </message>
    <message>
      <source>The clipboard holds no image.</source>
      <translation>El portapapeles no contiene ninguna imagen.</translation>
    </message>
    <message>
      <source>Could not keep the pasted image in %1.</source>
      <translation>No se pudo guardar la imagen pegada en %1.</translation>
    </message>
    <message>
      <source>Previewing region %1×%2…</source>
      <translation>Previsualizando la región %1×%2…</translation>
    </message>
    <message>
      <source>Select a region first (Shift+drag on the photo).</source>
      <translation>Seleccione primero una región (Mayús+arrastrar sobre la foto).</translation>
    </message>
    <message>
      <source>Preview failed: %1</source>
      <translation>Falló la vista previa: %1</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) added to the batch</source>
      <translation>
        <numerusform>%n foto añadida al lote</numerusform>
        <numerusform>%n fotos añadidas al lote</numerusform>
      </translation>
    </message>
    <message>
      <source>Original</source>
      <translation>Original</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>Ampliada</translation>
    </message>
    <message>
      <source>Side by side (*.png *.jpg)</source>
      <translation>Lado a lado (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Split at the divider (*.png *.jpg)</source>
      <translation>Dividida en el separador (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Export Comparison</source>
      <translation>Exportar comparación</translation>
    </message>
    <message>
      <source>Comparison saved to %1</source>
      <translation>Comparación guardada en %1</translation>
    </message>
    <message>
      <source>Could not save %1</source>
      <translation>No se pudo guardar %1</translation>
    </message>
    <message>
      <source>No photos found in what was opened.</source>
      <translation>No se encontraron fotos en lo que se abrió.</translation>
    </message>
    <message>
      <source>The photo is in the batch already; its map can be asked for when it is done.</source>
      <translation>La foto ya está en el lote; su mapa se puede pedir cuando termine.</translation>
    </message>
    <message>
      <source>Open a photo first.</source>
      <translation>Abra primero una foto.</translation>
    </message>
    <message>
      <source>Upscaling the whole photo with its map of invented detail…</source>
      <translation>Ampliando la foto entera con su mapa de detalle inventado…</translation>
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
      <translation>%1×%2 px, vecino más cercano</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Procesando…</translation>
    </message>
    <message>
      <source>Working… (the teacher takes many steps)</source>
      <translation>Procesando… (el modelo maestro necesita muchos pasos)</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Cancelado</translation>
    </message>
    <message>
      <source>Failed: %1</source>
      <translation>Fallido: %1</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s</source>
      <translation>%1 en %2 · %3 s</translation>
    </message>
    <message>
      <source>Original</source>
      <translation>Original</translation>
    </message>
    <message>
      <source>Student (one step)</source>
      <translation>Alumno (un paso)</translation>
    </message>
    <message>
      <source>Teacher (multi-step)</source>
      <translation>Maestro (varios pasos)</translation>
    </message>
    <message>
      <source>Compare with teacher</source>
      <translation>Comparar con el maestro</translation>
    </message>
    <message>
      <source>Shift+drag a rectangle on the photo to preview that region.</source>
      <translation>Mayús+arrastre un rectángulo sobre la foto para previsualizar esa región.</translation>
    </message>
    <message>
      <source>Region %1, %2 · %3×%4 px</source>
      <translation>Región %1, %2 · %3×%4 px</translation>
    </message>
    <message>
      <source>Detail:</source>
      <translation>Detalle:</translation>
    </message>
    <message>
      <source>0 %: the mean of several samples, most faithful to the photo and softest. 100 %: a single sample, with the most (partly invented) detail.</source>
      <translation>0 %: la media de varias muestras, la más fiel a la foto y la más suave. 100 %: una sola muestra, con el mayor detalle (en parte inventado).</translation>
    </message>
    <message>
      <source>Show invented detail</source>
      <translation>Mostrar detalle inventado</translation>
    </message>
    <message>
      <source>Colours the places where the samples disagree: the model invented detail there that the photo does not hold (black: all samples agree).</source>
      <translation>Colorea los lugares donde las muestras discrepan: allí el modelo inventó detalle que la foto no contiene (negro: todas las muestras coinciden).</translation>
    </message>
    <message>
      <source>Opacity:</source>
      <translation>Opacidad:</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, samples: %4</source>
      <translation>%1 en %2 · %3 s, muestras: %4</translation>
    </message>
    <message>
      <source>Map the whole photo</source>
      <translation>Mapa de la foto entera</translation>
    </message>
    <message>
      <source>Upscales the whole photo with its map of invented detail (through the batch queue) and shows the map over the result.</source>
      <translation>Amplía la foto entera con su mapa de detalle inventado (a través de la cola del lote) y muestra el mapa sobre el resultado.</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, more samples coming…</source>
      <translation>%1 en %2 · %3 s, llegan más muestras…</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Preferencias</translation>
    </message>
    <message>
      <source>Other…</source>
      <translation>Otro…</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>Automático</translation>
    </message>
    <message>
      <source>CPU</source>
      <translation>CPU</translation>
    </message>
    <message>
      <source>CUDA GPU</source>
      <translation>GPU CUDA</translation>
    </message>
    <message>
      <source>CUDA GPU (not available)</source>
      <translation>GPU CUDA (no disponible)</translation>
    </message>
    <message>
      <source> px</source>
      <translation> px</translation>
    </message>
    <message>
      <source>Next to each photo</source>
      <translation>Junto a cada foto</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Examinar…</translation>
    </message>
    <message>
      <source>Output folder</source>
      <translation>Carpeta de salida</translation>
    </message>
    <message>
      <source>Same as the photo</source>
      <translation>Igual que la foto</translation>
    </message>
    <message>
      <source>Tokens: {stem} photo name, {ext} output extension, {scale} factor, {model} model name, {date} today</source>
      <translation>Variables: {stem} nombre de la foto, {ext} extensión de salida, {scale} factor, {model} nombre del modelo, {date} fecha de hoy</translation>
    </message>
    <message>
      <source>Keep all metadata</source>
      <translation>Conservar todos los metadatos</translation>
    </message>
    <message>
      <source>Keep all but GPS location</source>
      <translation>Conservar todo salvo la ubicación GPS</translation>
    </message>
    <message>
      <source>Strip all metadata (keep the colour profile)</source>
      <translation>Quitar todos los metadatos (conservar el perfil de color)</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>Idioma del sistema</translation>
    </message>
    <message>
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Claro</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Oscuro</translation>
    </message>
    <message>
      <source>Show the original enlarged bicubic (else nearest neighbour)</source>
      <translation>Mostrar el original ampliado con bicúbica (si no, vecino más cercano)</translation>
    </message>
    <message>
      <source>Notify me when a long batch ends</source>
      <translation>Avisarme cuando termine un lote largo</translation>
    </message>
    <message>
      <source>Model:</source>
      <translation>Modelo:</translation>
    </message>
    <message>
      <source>Teacher for comparison:</source>
      <translation>Maestro para comparar:</translation>
    </message>
    <message>
      <source>Extra models folder:</source>
      <translation>Carpeta adicional de modelos:</translation>
    </message>
    <message>
      <source>Device:</source>
      <translation>Dispositivo:</translation>
    </message>
    <message>
      <source>Precision:</source>
      <translation>Precisión:</translation>
    </message>
    <message>
      <source>fp16 (GPU only)</source>
      <translation>fp16 (solo GPU)</translation>
    </message>
    <message>
      <source>Number format of the network: Automatic takes bf16 or fp16 on a GPU and fp32 on most CPUs; lower precision is faster and differs from fp32 by a fraction of a level.</source>
      <translation>Formato numérico de la red: Automático usa bf16 o fp16 en una GPU y fp32 en la mayoría de las CPU; una precisión menor es más rápida y difiere de fp32 en una fracción de nivel.</translation>
    </message>
    <message>
      <source>Tile size:</source>
      <translation>Tamaño de mosaico:</translation>
    </message>
    <message>
      <source>Seed:</source>
      <translation>Semilla:</translation>
    </message>
    <message>
      <source>Output folder:</source>
      <translation>Carpeta de salida:</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>Formato:</translation>
    </message>
    <message>
      <source>Quality (JPEG, WebP, HEIF, AVIF):</source>
      <translation>Calidad (JPEG, WebP, HEIF, AVIF):</translation>
    </message>
    <message>
      <source>File name:</source>
      <translation>Nombre de archivo:</translation>
    </message>
    <message>
      <source>Metadata:</source>
      <translation>Metadatos:</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>Idioma:</translation>
    </message>
    <message>
      <source>A new language applies when RSD Studio restarts.</source>
      <translation>Un nuevo idioma se aplica al reiniciar RSD Studio.</translation>
    </message>
    <message>
      <source>Theme:</source>
      <translation>Tema:</translation>
    </message>
    <message>
      <source>RSD lite (shipped, one step)</source>
      <translation>RSD lite (incluido, un paso)</translation>
    </message>
    <message>
      <source>ResShift lite teacher (shipped)</source>
      <translation>Maestro ResShift lite (incluido)</translation>
    </message>
    <message>
      <source>Model card</source>
      <translation>Ficha de modelo</translation>
    </message>
    <message>
      <source>Model cards (*.json)</source>
      <translation>Fichas de modelo (*.json)</translation>
    </message>
    <message>
      <source>How many samples, each with its own noise, the Detail control blends and the map of invented detail compares. Each costs one more model run.</source>
      <translation>Cuántas muestras, cada una con su propio ruido, mezcla el control de Detalle y compara el mapa de detalle inventado. Cada una cuesta una ejecución más del modelo.</translation>
    </message>
    <message>
      <source>Also write a map of invented detail (_uncertainty.png) beside each output</source>
      <translation>Escribir también un mapa de detalle inventado (_uncertainty.png) junto a cada resultado</translation>
    </message>
    <message>
      <source>Samples for Detail:</source>
      <translation>Muestras para Detalle:</translation>
    </message>
  </context>
</TS>