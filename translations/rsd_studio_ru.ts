<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>main</name>
    <message>
      <source>Upscale photos 4x with one-step residual shifting diffusion.</source>
      <translation>Увеличивает фото в 4 раза одношаговой диффузией со сдвигом остатка.</translation>
    </message>
    <message>
      <source>Show version information.</source>
      <translation>Показать сведения о версии.</translation>
    </message>
    <message>
      <source>Save a screenshot of the window to FILE and quit.</source>
      <translation>Сохранить снимок окна в FILE и выйти.</translation>
    </message>
    <message>
      <source>Compare mode: side, split or flip.</source>
      <translation>Режим сравнения: side, split или flip.</translation>
    </message>
    <message>
      <source>Preview this region (LR pixels X,Y,W,H) before grabbing.</source>
      <translation>Перед снимком показать предпросмотр области (пиксели LR X,Y,W,H).</translation>
    </message>
    <message>
      <source>Also run the teacher on the region.</source>
      <translation>Также запустить учителя на области.</translation>
    </message>
    <message>
      <source>Upscale the opened photos as a batch before grabbing.</source>
      <translation>Перед снимком увеличить открытые фото пакетом.</translation>
    </message>
    <message>
      <source>Zoom factor of the compare view (1 = 100 %).</source>
      <translation>Масштаб вида сравнения (1 = 100 %).</translation>
    </message>
    <message>
      <source>Photos or folders to open.</source>
      <translation>Фото или папки для открытия.</translation>
    </message>
    <message>
      <source>Detail of the region preview in percent.</source>
      <translation>Детализация предпросмотра области в процентах.</translation>
    </message>
    <message>
      <source>Draw the map of invented detail at this opacity (percent).</source>
      <translation>Рисовать карту выдуманных деталей с этой непрозрачностью (в процентах).</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::AboutDialog</name>
    <message>
      <source>About RSD Studio</source>
      <translation>О программе RSD Studio</translation>
    </message>
    <message>
      <source>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;Photo upscaling with one-step residual shifting diffusion (RSD, arXiv:2503.13358), distilled from ResShift.&lt;/p&gt;</source>
      <translation>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;Увеличение фотографий одношаговой диффузией со сдвигом остатка (RSD, arXiv:2503.13358), дистиллированной из ResShift.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Versions&lt;/b&gt;&lt;br&gt;Qt %1 (runtime %2)&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;br&gt;Qt 6: LGPL-3.0&lt;br&gt;LibTorch (PyTorch): BSD-3-Clause&lt;br&gt;OpenCV: Apache-2.0&lt;br&gt;Exiv2: GPL-2.0-or-later&lt;br&gt;nlohmann/json: MIT&lt;br&gt;Model weights: see each model card's licence field.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Версии&lt;/b&gt;&lt;br&gt;Qt %1 (во время выполнения %2)&lt;br&gt;%3&lt;br&gt;Модель: %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;Лицензии&lt;/b&gt;&lt;br&gt;Qt 6: LGPL-3.0&lt;br&gt;LibTorch (PyTorch): BSD-3-Clause&lt;br&gt;OpenCV: Apache-2.0&lt;br&gt;Exiv2: GPL-2.0-or-later&lt;br&gt;nlohmann/json: MIT&lt;br&gt;Веса моделей: см. поле лицензии в карточке каждой модели.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchController</name>
    <message>
      <source>output already exists</source>
      <translation>выходной файл уже существует</translation>
    </message>
    <message>
      <source>loading</source>
      <translation>загрузка</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchPanel</name>
    <message>
      <source>Start</source>
      <translation>Запустить</translation>
    </message>
    <message>
      <source>Start the batch (Ctrl+Return)</source>
      <translation>Запустить пакет (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Cancel item</source>
      <translation>Отменить элемент</translation>
    </message>
    <message>
      <source>Cancel all</source>
      <translation>Отменить всё</translation>
    </message>
    <message>
      <source>Cancel the batch (Ctrl+.)</source>
      <translation>Отменить пакет (Ctrl+.)</translation>
    </message>
    <message>
      <source>Retry failed</source>
      <translation>Повторить неудачные</translation>
    </message>
    <message>
      <source>Clear finished</source>
      <translation>Убрать завершённые</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>Продолжить</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Пауза</translation>
    </message>
    <message>
      <source>%1 of %2 photos</source>
      <translation>%1 из %2 фото</translation>
    </message>
    <message>
      <source>about %1 left</source>
      <translation>осталось около %1</translation>
    </message>
    <message>
      <source>estimating…</source>
      <translation>оценка…</translation>
    </message>
    <message>
      <source>paused</source>
      <translation>приостановлено</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchQueueModel</name>
    <message>
      <source>Queued</source>
      <translation>В очереди</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>Выполняется</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Готово</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Ошибка</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Отменено</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>Пропущено</translation>
    </message>
    <message>
      <source>Done (%1 s)</source>
      <translation>Готово (%1 с)</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Фото</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Размер</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Состояние</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Прогресс</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Ошибка</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::CompareView</name>
    <message>
      <source>Original</source>
      <translation>Оригинал</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Предпросмотр</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>Увеличено</translation>
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
      <translation>Перетащите фото сюда</translation>
    </message>
    <message>
      <source>Drag photos or folders onto this window to upscale them 4×.
You can also open files, or paste an image from the clipboard (Ctrl+V).
Supported: JPEG, PNG, TIFF, WebP and BMP, 8 or 16 bits, with metadata kept.</source>
      <translation>Перетащите фото или папки в это окно, чтобы увеличить их в 4 раза.
Можно также открыть файлы или вставить изображение из буфера обмена (Ctrl+V).
Поддерживаются JPEG, PNG, TIFF, WebP и BMP, 8 или 16 бит, метаданные сохраняются.</translation>
    </message>
    <message>
      <source>Open Photos…</source>
      <translation>Открыть фото…</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::MainWindow</name>
    <message>
      <source>Zoom %1 %</source>
      <translation>Масштаб %1 %</translation>
    </message>
    <message>
      <source>Model could not be loaded: %1</source>
      <translation>Не удалось загрузить модель: %1</translation>
    </message>
    <message>
      <source>Memory %1 MB</source>
      <translation>Память %1 МБ</translation>
    </message>
    <message>
      <source>The new language applies when RSD Studio restarts.</source>
      <translation>Новый язык будет применён после перезапуска RSD Studio.</translation>
    </message>
    <message>
      <source>Batch finished: %1 done, %2 failed, %3 skipped.</source>
      <translation>Пакет завершён: готово %1, ошибок %2, пропущено %3.</translation>
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
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>&amp;Недавние</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Вид</translation>
    </message>
    <message>
      <source>&amp;Batch</source>
      <translation>&amp;Пакет</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <source>&amp;Open Photos…</source>
      <translation>&amp;Открыть фото…</translation>
    </message>
    <message>
      <source>Open &amp;Folder…</source>
      <translation>Открыть &amp;папку…</translation>
    </message>
    <message>
      <source>&amp;Paste Image</source>
      <translation>&amp;Вставить изображение</translation>
    </message>
    <message>
      <source>&amp;Export Comparison…</source>
      <translation>&amp;Экспорт сравнения…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>В&amp;ыход</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Настройки…</translation>
    </message>
    <message>
      <source>&amp;About RSD Studio</source>
      <translation>&amp;О программе RSD Studio</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>&amp;Увеличить</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>У&amp;меньшить</translation>
    </message>
    <message>
      <source>&amp;Fit</source>
      <translation>&amp;Вписать</translation>
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
      <translation>Рядом</translation>
    </message>
    <message>
      <source>Split</source>
      <translation>Разделение</translation>
    </message>
    <message>
      <source>A/B Flip</source>
      <translation>Переключение A/B</translation>
    </message>
    <message>
      <source>Flip Original/Upscaled</source>
      <translation>Переключить оригинал/увеличенное</translation>
    </message>
    <message>
      <source>Original Enlarged &amp;Bicubic</source>
      <translation>Оригинал с &amp;бикубическим увеличением</translation>
    </message>
    <message>
      <source>&amp;Region Preview Tool</source>
      <translation>Инструмент &amp;предпросмотра области</translation>
    </message>
    <message>
      <source>Drag a rectangle to preview its upscale (or Shift+drag any time)</source>
      <translation>Выделите прямоугольник, чтобы увидеть его увеличение (или Shift+перетаскивание в любой момент)</translation>
    </message>
    <message>
      <source>Compare with &amp;Teacher</source>
      <translation>Сравнить с &amp;учителем</translation>
    </message>
    <message>
      <source>&amp;Add Photo to Batch</source>
      <translation>&amp;Добавить фото в пакет</translation>
    </message>
    <message>
      <source>Add &amp;All Photos to Batch</source>
      <translation>Добавить &amp;все фото в пакет</translation>
    </message>
    <message>
      <source>&amp;Start Batch</source>
      <translation>&amp;Запустить пакет</translation>
    </message>
    <message>
      <source>&amp;Pause/Resume Batch</source>
      <translation>&amp;Приостановить/продолжить пакет</translation>
    </message>
    <message>
      <source>&amp;Cancel Batch</source>
      <translation>&amp;Отменить пакет</translation>
    </message>
    <message>
      <source>&amp;Retry Failed</source>
      <translation>&amp;Повторить неудачные</translation>
    </message>
    <message>
      <source>Region Preview</source>
      <translation>Предпросмотр области</translation>
    </message>
    <message>
      <source>Batch Queue</source>
      <translation>Очередь пакета</translation>
    </message>
    <message>
      <source>Model: %1 (loads on first use)</source>
      <translation>Модель: %1 (загрузится при первом использовании)</translation>
    </message>
    <message>
      <source>Model: %1 · %2</source>
      <translation>Модель: %1 · %2</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) loaded</source>
      <translation>
        <numerusform>Загружено %n фото</numerusform>
        <numerusform>Загружено %n фото</numerusform>
        <numerusform>Загружено %n фото</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot open %1: %2</source>
      <translation>Не удаётся открыть %1: %2</translation>
    </message>
    <message>
      <source>Open Photos</source>
      <translation>Открыть фото</translation>
    </message>
    <message>
      <source>Images (%1)</source>
      <translation>Изображения (%1)</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>Открыть папку</translation>
    </message>
    <message>
      <source>The clipboard holds no image.</source>
      <translation>В буфере обмена нет изображения.</translation>
    </message>
    <message>
      <source>Could not keep the pasted image in %1.</source>
      <translation>Не удалось сохранить вставленное изображение в %1.</translation>
    </message>
    <message>
      <source>Previewing region %1×%2…</source>
      <translation>Предпросмотр области %1×%2…</translation>
    </message>
    <message>
      <source>Select a region first (Shift+drag on the photo).</source>
      <translation>Сначала выделите область (Shift+перетаскивание по фото).</translation>
    </message>
    <message>
      <source>Preview failed: %1</source>
      <translation>Ошибка предпросмотра: %1</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) added to the batch</source>
      <translation>
        <numerusform>В пакет добавлено %n фото</numerusform>
        <numerusform>В пакет добавлено %n фото</numerusform>
        <numerusform>В пакет добавлено %n фото</numerusform>
      </translation>
    </message>
    <message>
      <source>Original</source>
      <translation>Оригинал</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>Увеличено</translation>
    </message>
    <message>
      <source>Side by side (*.png *.jpg)</source>
      <translation>Рядом (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Split at the divider (*.png *.jpg)</source>
      <translation>Разделение по линии (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Export Comparison</source>
      <translation>Экспорт сравнения</translation>
    </message>
    <message>
      <source>Comparison saved to %1</source>
      <translation>Сравнение сохранено в %1</translation>
    </message>
    <message>
      <source>Could not save %1</source>
      <translation>Не удалось сохранить %1</translation>
    </message>
    <message>
      <source>No photos found in what was opened.</source>
      <translation>Среди открытого не найдено фотографий.</translation>
    </message>
    <message>
      <source>The photo is in the batch already; its map can be asked for when it is done.</source>
      <translation>Фото уже в пакете; карту можно запросить, когда обработка закончится.</translation>
    </message>
    <message>
      <source>Open a photo first.</source>
      <translation>Сначала откройте фото.</translation>
    </message>
    <message>
      <source>Upscaling the whole photo with its map of invented detail…</source>
      <translation>Всё фото увеличивается вместе с картой выдуманных деталей…</translation>
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
      <translation>%1×%2 пикс., ближайший сосед</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Обработка…</translation>
    </message>
    <message>
      <source>Working… (the teacher takes many steps)</source>
      <translation>Обработка… (учителю нужно много шагов)</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Отменено</translation>
    </message>
    <message>
      <source>Failed: %1</source>
      <translation>Ошибка: %1</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s</source>
      <translation>%1 на %2 · %3 с</translation>
    </message>
    <message>
      <source>Original</source>
      <translation>Оригинал</translation>
    </message>
    <message>
      <source>Student (one step)</source>
      <translation>Ученик (один шаг)</translation>
    </message>
    <message>
      <source>Teacher (multi-step)</source>
      <translation>Учитель (много шагов)</translation>
    </message>
    <message>
      <source>Compare with teacher</source>
      <translation>Сравнить с учителем</translation>
    </message>
    <message>
      <source>Shift+drag a rectangle on the photo to preview that region.</source>
      <translation>Выделите прямоугольник на фото с Shift, чтобы увидеть эту область.</translation>
    </message>
    <message>
      <source>Region %1, %2 · %3×%4 px</source>
      <translation>Область %1, %2 · %3×%4 пикс.</translation>
    </message>
    <message>
      <source>Detail:</source>
      <translation>Детали:</translation>
    </message>
    <message>
      <source>0 %: the mean of several samples, most faithful to the photo and softest. 100 %: a single sample, with the most (partly invented) detail.</source>
      <translation>0 %: среднее нескольких сэмплов — точнее всего передаёт фото и мягче всего. 100 %: один сэмпл с наибольшей (частично выдуманной) детализацией.</translation>
    </message>
    <message>
      <source>Show invented detail</source>
      <translation>Показать выдуманные детали</translation>
    </message>
    <message>
      <source>Colours the places where the samples disagree: the model invented detail there that the photo does not hold (black: all samples agree).</source>
      <translation>Подсвечивает места, где сэмплы расходятся: там модель выдумала детали, которых нет на фото (чёрный: все сэмплы совпадают).</translation>
    </message>
    <message>
      <source>Opacity:</source>
      <translation>Непрозрачность:</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, samples: %4</source>
      <translation>%1 на %2 · %3 с, сэмплов: %4</translation>
    </message>
    <message>
      <source>Map the whole photo</source>
      <translation>Карта всего фото</translation>
    </message>
    <message>
      <source>Upscales the whole photo with its map of invented detail (through the batch queue) and shows the map over the result.</source>
      <translation>Увеличивает всё фото вместе с картой выдуманных деталей (через очередь пакета) и показывает карту поверх результата.</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, more samples coming…</source>
      <translation>%1 на %2 · %3 с, ещё сэмплы в пути…</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <source>Other…</source>
      <translation>Другая…</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>Автоматически</translation>
    </message>
    <message>
      <source>CPU</source>
      <translation>ЦП</translation>
    </message>
    <message>
      <source>CUDA GPU</source>
      <translation>GPU CUDA</translation>
    </message>
    <message>
      <source>CUDA GPU (not available)</source>
      <translation>GPU CUDA (недоступен)</translation>
    </message>
    <message>
      <source> px</source>
      <translation> пикс.</translation>
    </message>
    <message>
      <source>Next to each photo</source>
      <translation>Рядом с каждым фото</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Обзор…</translation>
    </message>
    <message>
      <source>Output folder</source>
      <translation>Папка вывода</translation>
    </message>
    <message>
      <source>Same as the photo</source>
      <translation>Как у фото</translation>
    </message>
    <message>
      <source>Tokens: {stem} photo name, {ext} output extension, {scale} factor, {model} model name, {date} today</source>
      <translation>Подстановки: {stem} имя фото, {ext} расширение вывода, {scale} коэффициент, {model} имя модели, {date} сегодняшняя дата</translation>
    </message>
    <message>
      <source>Keep all metadata</source>
      <translation>Сохранять все метаданные</translation>
    </message>
    <message>
      <source>Keep all but GPS location</source>
      <translation>Сохранять всё, кроме GPS-координат</translation>
    </message>
    <message>
      <source>Strip all metadata (keep the colour profile)</source>
      <translation>Удалять все метаданные (цветовой профиль сохраняется)</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>Язык системы</translation>
    </message>
    <message>
      <source>System</source>
      <translation>Системная</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Светлая</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Тёмная</translation>
    </message>
    <message>
      <source>Show the original enlarged bicubic (else nearest neighbour)</source>
      <translation>Показывать оригинал с бикубическим увеличением (иначе ближайший сосед)</translation>
    </message>
    <message>
      <source>Notify me when a long batch ends</source>
      <translation>Уведомлять об окончании долгого пакета</translation>
    </message>
    <message>
      <source>Model:</source>
      <translation>Модель:</translation>
    </message>
    <message>
      <source>Teacher for comparison:</source>
      <translation>Учитель для сравнения:</translation>
    </message>
    <message>
      <source>Extra models folder:</source>
      <translation>Дополнительная папка моделей:</translation>
    </message>
    <message>
      <source>Device:</source>
      <translation>Устройство:</translation>
    </message>
    <message>
      <source>Precision:</source>
      <translation>Точность:</translation>
    </message>
    <message>
      <source>fp16 (GPU only)</source>
      <translation>fp16 (только GPU)</translation>
    </message>
    <message>
      <source>Number format of the network: Automatic takes bf16 or fp16 on a GPU and fp32 on most CPUs; lower precision is faster and differs from fp32 by a fraction of a level.</source>
      <translation>Числовой формат сети: «Автоматически» выбирает bf16 или fp16 на GPU и fp32 на большинстве CPU; меньшая точность быстрее и отличается от fp32 на долю уровня яркости.</translation>
    </message>
    <message>
      <source>Tile size:</source>
      <translation>Размер тайла:</translation>
    </message>
    <message>
      <source>Seed:</source>
      <translation>Зерно:</translation>
    </message>
    <message>
      <source>Output folder:</source>
      <translation>Папка вывода:</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>Формат:</translation>
    </message>
    <message>
      <source>Quality (JPEG, WebP, HEIF, AVIF):</source>
      <translation>Качество (JPEG, WebP, HEIF, AVIF):</translation>
    </message>
    <message>
      <source>File name:</source>
      <translation>Имя файла:</translation>
    </message>
    <message>
      <source>Metadata:</source>
      <translation>Метаданные:</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>Язык:</translation>
    </message>
    <message>
      <source>A new language applies when RSD Studio restarts.</source>
      <translation>Новый язык применяется после перезапуска RSD Studio.</translation>
    </message>
    <message>
      <source>Theme:</source>
      <translation>Тема:</translation>
    </message>
    <message>
      <source>RSD lite (shipped, one step)</source>
      <translation>RSD lite (в комплекте, один шаг)</translation>
    </message>
    <message>
      <source>ResShift lite teacher (shipped)</source>
      <translation>Учитель ResShift lite (в комплекте)</translation>
    </message>
    <message>
      <source>Model card</source>
      <translation>Карточка модели</translation>
    </message>
    <message>
      <source>Model cards (*.json)</source>
      <translation>Карточки моделей (*.json)</translation>
    </message>
    <message>
      <source>How many samples, each with its own noise, the Detail control blends and the map of invented detail compares. Each costs one more model run.</source>
      <translation>Сколько сэмплов (каждый со своим шумом) смешивает регулятор «Детали» и сравнивает карта выдуманных деталей. Каждый стоит ещё одного запуска модели.</translation>
    </message>
    <message>
      <source>Also write a map of invented detail (_uncertainty.png) beside each output</source>
      <translation>Также записывать карту выдуманных деталей (_uncertainty.png) рядом с каждым результатом</translation>
    </message>
    <message>
      <source>Samples for Detail:</source>
      <translation>Сэмплов для деталей:</translation>
    </message>
  </context>
</TS>