<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
  <context>
    <name>main</name>
    <message>
      <source>Upscale photos 4x with one-step residual shifting diffusion.</source>
      <translation>ワンステップ残差シフト拡散で写真を 4 倍に高解像度化します。</translation>
    </message>
    <message>
      <source>Show version information.</source>
      <translation>バージョン情報を表示します。</translation>
    </message>
    <message>
      <source>Save a screenshot of the window to FILE and quit.</source>
      <translation>ウィンドウのスクリーンショットを FILE に保存して終了します。</translation>
    </message>
    <message>
      <source>Compare mode: side, split or flip.</source>
      <translation>比較モード: side、split、flip のいずれか。</translation>
    </message>
    <message>
      <source>Preview this region (LR pixels X,Y,W,H) before grabbing.</source>
      <translation>キャプチャ前にこの領域（LR ピクセル X,Y,W,H）をプレビューします。</translation>
    </message>
    <message>
      <source>Also run the teacher on the region.</source>
      <translation>領域に教師モデルも実行します。</translation>
    </message>
    <message>
      <source>Upscale the opened photos as a batch before grabbing.</source>
      <translation>キャプチャ前に開いた写真をバッチで高解像度化します。</translation>
    </message>
    <message>
      <source>Zoom factor of the compare view (1 = 100 %).</source>
      <translation>比較ビューのズーム倍率（1 = 100 %）。</translation>
    </message>
    <message>
      <source>Photos or folders to open.</source>
      <translation>開く写真またはフォルダー。</translation>
    </message>
    <message>
      <source>Detail of the region preview in percent.</source>
      <translation>領域プレビューのディテール（パーセント）。</translation>
    </message>
    <message>
      <source>Draw the map of invented detail at this opacity (percent).</source>
      <translation>創作ディテールのマップをこの不透明度（パーセント）で描く。</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::AboutDialog</name>
    <message>
      <source>About RSD Studio</source>
      <translation>RSD Studio について</translation>
    </message>
    <message>
      <source>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;Photo upscaling with one-step residual shifting diffusion (RSD, arXiv:2503.13358), distilled from ResShift.&lt;/p&gt;</source>
      <translation>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;ワンステップ残差シフト拡散（RSD、arXiv:2503.13358）による写真の高解像度化。ResShift から蒸留したモデルです。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Versions&lt;/b&gt;&lt;br&gt;Qt %1 (runtime %2)&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;br&gt;Qt 6: LGPL-3.0&lt;br&gt;LibTorch (PyTorch): BSD-3-Clause&lt;br&gt;OpenCV: Apache-2.0&lt;br&gt;Exiv2: GPL-2.0-or-later&lt;br&gt;nlohmann/json: MIT&lt;br&gt;Model weights: see each model card's licence field.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;バージョン&lt;/b&gt;&lt;br&gt;Qt %1（実行時 %2）&lt;br&gt;%3&lt;br&gt;モデル: %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;ライセンス&lt;/b&gt;&lt;br&gt;Qt 6: LGPL-3.0&lt;br&gt;LibTorch (PyTorch): BSD-3-Clause&lt;br&gt;OpenCV: Apache-2.0&lt;br&gt;Exiv2: GPL-2.0-or-later&lt;br&gt;nlohmann/json: MIT&lt;br&gt;モデルの重み: 各モデルカードのライセンス欄を参照してください。&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchController</name>
    <message>
      <source>output already exists</source>
      <translation>出力ファイルが既に存在します</translation>
    </message>
    <message>
      <source>loading</source>
      <translation>読み込み中</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchPanel</name>
    <message>
      <source>Start</source>
      <translation>開始</translation>
    </message>
    <message>
      <source>Start the batch (Ctrl+Return)</source>
      <translation>バッチを開始 (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Cancel item</source>
      <translation>項目をキャンセル</translation>
    </message>
    <message>
      <source>Cancel all</source>
      <translation>すべてキャンセル</translation>
    </message>
    <message>
      <source>Cancel the batch (Ctrl+.)</source>
      <translation>バッチをキャンセル (Ctrl+.)</translation>
    </message>
    <message>
      <source>Retry failed</source>
      <translation>失敗分を再試行</translation>
    </message>
    <message>
      <source>Clear finished</source>
      <translation>完了分を消去</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>再開</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>一時停止</translation>
    </message>
    <message>
      <source>%1 of %2 photos</source>
      <translation>%2 枚中 %1 枚</translation>
    </message>
    <message>
      <source>about %1 left</source>
      <translation>残り約 %1</translation>
    </message>
    <message>
      <source>estimating…</source>
      <translation>見積もり中…</translation>
    </message>
    <message>
      <source>paused</source>
      <translation>一時停止中</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchQueueModel</name>
    <message>
      <source>Queued</source>
      <translation>待機中</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>実行中</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完了</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>失敗</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>キャンセル済み</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>スキップ</translation>
    </message>
    <message>
      <source>Done (%1 s)</source>
      <translation>完了 (%1 秒)</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>写真</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>サイズ</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状態</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>進行状況</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>エラー</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::CompareView</name>
    <message>
      <source>Original</source>
      <translation>オリジナル</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>プレビュー</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>高解像度化</translation>
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
      <translation>ここに写真をドロップ</translation>
    </message>
    <message>
      <source>Drag photos or folders onto this window to upscale them 4×.
You can also open files, or paste an image from the clipboard (Ctrl+V).
Supported: JPEG, PNG, TIFF, WebP and BMP, 8 or 16 bits, with metadata kept.</source>
      <translation>写真やフォルダーをこのウィンドウにドラッグすると 4 倍に高解像度化します。
ファイルを開くか、クリップボードから画像を貼り付けることもできます (Ctrl+V)。
対応形式: JPEG、PNG、TIFF、WebP、BMP（8 ビット / 16 ビット）。メタデータは保持されます。</translation>
    </message>
    <message>
      <source>Open Photos…</source>
      <translation>写真を開く…</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::MainWindow</name>
    <message>
      <source>Zoom %1 %</source>
      <translation>ズーム %1 %</translation>
    </message>
    <message>
      <source>Model could not be loaded: %1</source>
      <translation>モデルを読み込めませんでした: %1</translation>
    </message>
    <message>
      <source>Memory %1 MB</source>
      <translation>メモリ %1 MB</translation>
    </message>
    <message>
      <source>The new language applies when RSD Studio restarts.</source>
      <translation>新しい言語は RSD Studio の再起動後に適用されます。</translation>
    </message>
    <message>
      <source>Batch finished: %1 done, %2 failed, %3 skipped.</source>
      <translation>バッチ完了: 完了 %1、失敗 %2、スキップ %3。</translation>
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
      <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>表示(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Batch</source>
      <translation>バッチ(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Open Photos…</source>
      <translation>写真を開く(&amp;O)…</translation>
    </message>
    <message>
      <source>Open &amp;Folder…</source>
      <translation>フォルダーを開く(&amp;F)…</translation>
    </message>
    <message>
      <source>&amp;Paste Image</source>
      <translation>画像を貼り付け(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Export Comparison…</source>
      <translation>比較画像を書き出す(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>終了(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>設定(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;About RSD Studio</source>
      <translation>RSD Studio について(&amp;A)</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>拡大(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>縮小(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Fit</source>
      <translation>全体表示(&amp;F)</translation>
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
      <translation>左右に並べる</translation>
    </message>
    <message>
      <source>Split</source>
      <translation>分割</translation>
    </message>
    <message>
      <source>A/B Flip</source>
      <translation>A/B 切り替え</translation>
    </message>
    <message>
      <source>Flip Original/Upscaled</source>
      <translation>オリジナル/高解像度化を切り替え</translation>
    </message>
    <message>
      <source>Original Enlarged &amp;Bicubic</source>
      <translation>オリジナルをバイキュービック拡大(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Region Preview Tool</source>
      <translation>領域プレビューツール(&amp;R)</translation>
    </message>
    <message>
      <source>Drag a rectangle to preview its upscale (or Shift+drag any time)</source>
      <translation>矩形をドラッグすると、その部分の高解像度化をプレビューします（いつでも Shift+ドラッグでも可）</translation>
    </message>
    <message>
      <source>Compare with &amp;Teacher</source>
      <translation>教師モデルと比較(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Add Photo to Batch</source>
      <translation>写真をバッチに追加(&amp;A)</translation>
    </message>
    <message>
      <source>Add &amp;All Photos to Batch</source>
      <translation>すべての写真をバッチに追加(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Start Batch</source>
      <translation>バッチを開始(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Pause/Resume Batch</source>
      <translation>バッチを一時停止/再開(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Cancel Batch</source>
      <translation>バッチをキャンセル(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Retry Failed</source>
      <translation>失敗分を再試行(&amp;R)</translation>
    </message>
    <message>
      <source>Region Preview</source>
      <translation>領域プレビュー</translation>
    </message>
    <message>
      <source>Batch Queue</source>
      <translation>バッチキュー</translation>
    </message>
    <message>
      <source>Model: %1 (loads on first use)</source>
      <translation>モデル: %1（初回使用時に読み込み）</translation>
    </message>
    <message>
      <source>Model: %1 · %2</source>
      <translation>モデル: %1 · %2</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) loaded</source>
      <translation>
        <numerusform>%n 枚の写真を読み込みました</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot open %1: %2</source>
      <translation>%1 を開けません: %2</translation>
    </message>
    <message>
      <source>Open Photos</source>
      <translation>写真を開く</translation>
    </message>
    <message>
      <source>Images (%1)</source>
      <translation>画像 (%1)</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>フォルダーを開く</translation>
    </message>
    <message>
      <source>The clipboard holds no image.</source>
      <translation>クリップボードに画像がありません。</translation>
    </message>
    <message>
      <source>Could not keep the pasted image in %1.</source>
      <translation>貼り付けた画像を %1 に保存できませんでした。</translation>
    </message>
    <message>
      <source>Previewing region %1×%2…</source>
      <translation>%1×%2 の領域をプレビュー中…</translation>
    </message>
    <message>
      <source>Select a region first (Shift+drag on the photo).</source>
      <translation>先に領域を選択してください（写真上で Shift+ドラッグ）。</translation>
    </message>
    <message>
      <source>Preview failed: %1</source>
      <translation>プレビューに失敗しました: %1</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) added to the batch</source>
      <translation>
        <numerusform>%n 枚の写真をバッチに追加しました</numerusform>
      </translation>
    </message>
    <message>
      <source>Original</source>
      <translation>オリジナル</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>高解像度化</translation>
    </message>
    <message>
      <source>Side by side (*.png *.jpg)</source>
      <translation>左右に並べる (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Split at the divider (*.png *.jpg)</source>
      <translation>境界線で分割 (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Export Comparison</source>
      <translation>比較画像を書き出す</translation>
    </message>
    <message>
      <source>Comparison saved to %1</source>
      <translation>比較画像を %1 に保存しました</translation>
    </message>
    <message>
      <source>Could not save %1</source>
      <translation>%1 を保存できませんでした</translation>
    </message>
    <message>
      <source>No photos found in what was opened.</source>
      <translation>開いた項目に写真が見つかりませんでした。</translation>
    </message>
    <message>
      <source>The photo is in the batch already; its map can be asked for when it is done.</source>
      <translation>この写真はすでにバッチにあります。完了後にマップを要求できます。</translation>
    </message>
    <message>
      <source>Open a photo first.</source>
      <translation>先に写真を開いてください。</translation>
    </message>
    <message>
      <source>Upscaling the whole photo with its map of invented detail…</source>
      <translation>写真全体を創作ディテールのマップ付きで拡大しています…</translation>
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
      <translation>%1×%2 px、最近傍</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>処理中…</translation>
    </message>
    <message>
      <source>Working… (the teacher takes many steps)</source>
      <translation>処理中…（教師モデルは多くのステップを要します）</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>キャンセル済み</translation>
    </message>
    <message>
      <source>Failed: %1</source>
      <translation>失敗: %1</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s</source>
      <translation>%1（%2）· %3 秒</translation>
    </message>
    <message>
      <source>Original</source>
      <translation>オリジナル</translation>
    </message>
    <message>
      <source>Student (one step)</source>
      <translation>生徒モデル（1 ステップ）</translation>
    </message>
    <message>
      <source>Teacher (multi-step)</source>
      <translation>教師モデル（複数ステップ）</translation>
    </message>
    <message>
      <source>Compare with teacher</source>
      <translation>教師モデルと比較</translation>
    </message>
    <message>
      <source>Shift+drag a rectangle on the photo to preview that region.</source>
      <translation>写真上で Shift+ドラッグして矩形を描くと、その領域をプレビューします。</translation>
    </message>
    <message>
      <source>Region %1, %2 · %3×%4 px</source>
      <translation>領域 %1, %2 · %3×%4 px</translation>
    </message>
    <message>
      <source>Detail:</source>
      <translation>ディテール:</translation>
    </message>
    <message>
      <source>0 %: the mean of several samples, most faithful to the photo and softest. 100 %: a single sample, with the most (partly invented) detail.</source>
      <translation>0 %: 複数サンプルの平均。写真に最も忠実で最も柔らかい。100 %: 1つのサンプル。ディテールが最も多い（一部は創作）。</translation>
    </message>
    <message>
      <source>Show invented detail</source>
      <translation>創作されたディテールを表示</translation>
    </message>
    <message>
      <source>Colours the places where the samples disagree: the model invented detail there that the photo does not hold (black: all samples agree).</source>
      <translation>サンプル同士が一致しない場所を色で示します。そこではモデルが写真にないディテールを創作しています（黒: すべてのサンプルが一致）。</translation>
    </message>
    <message>
      <source>Opacity:</source>
      <translation>不透明度:</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, samples: %4</source>
      <translation>%1（%2）· %3 秒、サンプル数: %4</translation>
    </message>
    <message>
      <source>Map the whole photo</source>
      <translation>写真全体のマップ</translation>
    </message>
    <message>
      <source>Upscales the whole photo with its map of invented detail (through the batch queue) and shows the map over the result.</source>
      <translation>写真全体を創作ディテールのマップ付きで拡大し（バッチキュー経由）、結果の上にマップを表示します。</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, more samples coming…</source>
      <translation>%1（%2）· %3 秒、残りのサンプルを計算中…</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>設定</translation>
    </message>
    <message>
      <source>Other…</source>
      <translation>その他…</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>自動</translation>
    </message>
    <message>
      <source>CPU</source>
      <translation>CPU</translation>
    </message>
    <message>
      <source>CUDA GPU</source>
      <translation>CUDA GPU</translation>
    </message>
    <message>
      <source>CUDA GPU (not available)</source>
      <translation>CUDA GPU（利用不可）</translation>
    </message>
    <message>
      <source> px</source>
      <translation> px</translation>
    </message>
    <message>
      <source>Next to each photo</source>
      <translation>各写真と同じ場所</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>参照…</translation>
    </message>
    <message>
      <source>Output folder</source>
      <translation>出力フォルダー</translation>
    </message>
    <message>
      <source>Same as the photo</source>
      <translation>元の写真と同じ</translation>
    </message>
    <message>
      <source>Tokens: {stem} photo name, {ext} output extension, {scale} factor, {model} model name, {date} today</source>
      <translation>トークン: {stem} 写真名、{ext} 出力拡張子、{scale} 倍率、{model} モデル名、{date} 今日の日付</translation>
    </message>
    <message>
      <source>Keep all metadata</source>
      <translation>すべてのメタデータを保持</translation>
    </message>
    <message>
      <source>Keep all but GPS location</source>
      <translation>GPS 位置情報以外を保持</translation>
    </message>
    <message>
      <source>Strip all metadata (keep the colour profile)</source>
      <translation>すべてのメタデータを削除（カラープロファイルは保持）</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>システムの言語</translation>
    </message>
    <message>
      <source>System</source>
      <translation>システム</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>ライト</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>ダーク</translation>
    </message>
    <message>
      <source>Show the original enlarged bicubic (else nearest neighbour)</source>
      <translation>オリジナルをバイキュービックで拡大表示（オフ時は最近傍）</translation>
    </message>
    <message>
      <source>Notify me when a long batch ends</source>
      <translation>長いバッチの終了時に通知する</translation>
    </message>
    <message>
      <source>Model:</source>
      <translation>モデル:</translation>
    </message>
    <message>
      <source>Teacher for comparison:</source>
      <translation>比較用の教師モデル:</translation>
    </message>
    <message>
      <source>Extra models folder:</source>
      <translation>追加のモデルフォルダー:</translation>
    </message>
    <message>
      <source>Device:</source>
      <translation>デバイス:</translation>
    </message>
    <message>
      <source>Precision:</source>
      <translation>精度:</translation>
    </message>
    <message>
      <source>fp16 (GPU only)</source>
      <translation>fp16（GPU のみ）</translation>
    </message>
    <message>
      <source>Number format of the network: Automatic takes bf16 or fp16 on a GPU and fp32 on most CPUs; lower precision is faster and differs from fp32 by a fraction of a level.</source>
      <translation>ネットワークの数値形式: 自動では GPU で bf16 または fp16、ほとんどの CPU で fp32 を使います。低い精度は高速で、fp32 との差は 1 階調未満です。</translation>
    </message>
    <message>
      <source>Tile size:</source>
      <translation>タイルサイズ:</translation>
    </message>
    <message>
      <source>Seed:</source>
      <translation>シード:</translation>
    </message>
    <message>
      <source>Output folder:</source>
      <translation>出力フォルダー:</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>形式:</translation>
    </message>
    <message>
      <source>Quality (JPEG, WebP, HEIF, AVIF):</source>
      <translation>品質 (JPEG、WebP、HEIF、AVIF):</translation>
    </message>
    <message>
      <source>File name:</source>
      <translation>ファイル名:</translation>
    </message>
    <message>
      <source>Metadata:</source>
      <translation>メタデータ:</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>言語:</translation>
    </message>
    <message>
      <source>A new language applies when RSD Studio restarts.</source>
      <translation>新しい言語は RSD Studio の再起動後に適用されます。</translation>
    </message>
    <message>
      <source>Theme:</source>
      <translation>テーマ:</translation>
    </message>
    <message>
      <source>RSD lite (shipped, one step)</source>
      <translation>RSD lite（同梱、1 ステップ）</translation>
    </message>
    <message>
      <source>ResShift lite teacher (shipped)</source>
      <translation>ResShift lite 教師モデル（同梱）</translation>
    </message>
    <message>
      <source>Model card</source>
      <translation>モデルカード</translation>
    </message>
    <message>
      <source>Model cards (*.json)</source>
      <translation>モデルカード (*.json)</translation>
    </message>
    <message>
      <source>How many samples, each with its own noise, the Detail control blends and the map of invented detail compares. Each costs one more model run.</source>
      <translation>ディテール調整が混ぜ合わせ、創作ディテールのマップが比較するサンプルの数（それぞれ独自のノイズ）。1つ増えるごとにモデルの実行が1回増えます。</translation>
    </message>
    <message>
      <source>Also write a map of invented detail (_uncertainty.png) beside each output</source>
      <translation>各出力の横に創作ディテールのマップ（_uncertainty.png）も書き出す</translation>
    </message>
    <message>
      <source>Samples for Detail:</source>
      <translation>ディテール用サンプル数:</translation>
    </message>
  </context>
</TS>