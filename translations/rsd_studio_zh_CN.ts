<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>main</name>
    <message>
      <source>Upscale photos 4x with one-step residual shifting diffusion.</source>
      <translation>使用单步残差偏移扩散将照片放大 4 倍。</translation>
    </message>
    <message>
      <source>Show version information.</source>
      <translation>显示版本信息。</translation>
    </message>
    <message>
      <source>Save a screenshot of the window to FILE and quit.</source>
      <translation>将窗口截图保存到 FILE 并退出。</translation>
    </message>
    <message>
      <source>Compare mode: side, split or flip.</source>
      <translation>对比模式：side、split 或 flip。</translation>
    </message>
    <message>
      <source>Preview this region (LR pixels X,Y,W,H) before grabbing.</source>
      <translation>截图前预览该区域（LR 像素 X,Y,W,H）。</translation>
    </message>
    <message>
      <source>Also run the teacher on the region.</source>
      <translation>同时在该区域运行教师模型。</translation>
    </message>
    <message>
      <source>Upscale the opened photos as a batch before grabbing.</source>
      <translation>截图前以批处理方式放大已打开的照片。</translation>
    </message>
    <message>
      <source>Zoom factor of the compare view (1 = 100 %).</source>
      <translation>对比视图的缩放倍数（1 = 100 %）。</translation>
    </message>
    <message>
      <source>Photos or folders to open.</source>
      <translation>要打开的照片或文件夹。</translation>
    </message>
    <message>
      <source>Detail of the region preview in percent.</source>
      <translation>区域预览的细节（百分比）。</translation>
    </message>
    <message>
      <source>Draw the map of invented detail at this opacity (percent).</source>
      <translation>以此不透明度（百分比）绘制生成细节图。</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::AboutDialog</name>
    <message>
      <source>About RSD Studio</source>
      <translation>关于 RSD Studio</translation>
    </message>
    <message>
      <source>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;Photo upscaling with one-step residual shifting diffusion (RSD, arXiv:2503.13358), distilled from ResShift.&lt;/p&gt;</source>
      <translation>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;基于单步残差偏移扩散（RSD，arXiv:2503.13358）的照片放大，由 ResShift 蒸馏而来。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Versions&lt;/b&gt;&lt;br&gt;Qt %1 (runtime %2)&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;br&gt;Qt 6: LGPL-3.0&lt;br&gt;LibTorch (PyTorch): BSD-3-Clause&lt;br&gt;OpenCV: Apache-2.0&lt;br&gt;Exiv2: GPL-2.0-or-later&lt;br&gt;nlohmann/json: MIT&lt;br&gt;Model weights: see each model card's licence field.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;版本&lt;/b&gt;&lt;br&gt;Qt %1（运行时 %2）&lt;br&gt;%3&lt;br&gt;模型：%4&lt;/p&gt;&lt;p&gt;&lt;b&gt;许可证&lt;/b&gt;&lt;br&gt;Qt 6：LGPL-3.0&lt;br&gt;LibTorch (PyTorch)：BSD-3-Clause&lt;br&gt;OpenCV：Apache-2.0&lt;br&gt;Exiv2：GPL-2.0-or-later&lt;br&gt;nlohmann/json：MIT&lt;br&gt;模型权重：请参阅各模型卡的许可证字段。&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchController</name>
    <message>
      <source>output already exists</source>
      <translation>输出文件已存在</translation>
    </message>
    <message>
      <source>loading</source>
      <translation>正在加载</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchPanel</name>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Start the batch (Ctrl+Return)</source>
      <translation>开始批处理 (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Cancel item</source>
      <translation>取消此项</translation>
    </message>
    <message>
      <source>Cancel all</source>
      <translation>全部取消</translation>
    </message>
    <message>
      <source>Cancel the batch (Ctrl+.)</source>
      <translation>取消批处理 (Ctrl+.)</translation>
    </message>
    <message>
      <source>Retry failed</source>
      <translation>重试失败项</translation>
    </message>
    <message>
      <source>Clear finished</source>
      <translation>清除已完成</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>继续</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>暂停</translation>
    </message>
    <message>
      <source>%1 of %2 photos</source>
      <translation>%1 / %2 张照片</translation>
    </message>
    <message>
      <source>about %1 left</source>
      <translation>约剩 %1</translation>
    </message>
    <message>
      <source>estimating…</source>
      <translation>正在估算…</translation>
    </message>
    <message>
      <source>paused</source>
      <translation>已暂停</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchQueueModel</name>
    <message>
      <source>Queued</source>
      <translation>排队中</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>运行中</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>已跳过</translation>
    </message>
    <message>
      <source>Done (%1 s)</source>
      <translation>完成（%1 秒）</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>进度</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>错误</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::CompareView</name>
    <message>
      <source>Original</source>
      <translation>原图</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>放大后</translation>
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
      <translation>将照片拖放到此处</translation>
    </message>
    <message>
      <source>Drag photos or folders onto this window to upscale them 4×.
You can also open files, or paste an image from the clipboard (Ctrl+V).
Supported: JPEG, PNG, TIFF, WebP and BMP, 8 or 16 bits, with metadata kept.</source>
      <translation>将照片或文件夹拖到此窗口即可放大 4 倍。
也可以打开文件，或从剪贴板粘贴图像 (Ctrl+V)。
支持 JPEG、PNG、TIFF、WebP 和 BMP，8 位或 16 位，保留元数据。</translation>
    </message>
    <message>
      <source>Open Photos…</source>
      <translation>打开照片…</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::MainWindow</name>
    <message>
      <source>Zoom %1 %</source>
      <translation>缩放 %1 %</translation>
    </message>
    <message>
      <source>Model could not be loaded: %1</source>
      <translation>无法加载模型：%1</translation>
    </message>
    <message>
      <source>Memory %1 MB</source>
      <translation>内存 %1 MB</translation>
    </message>
    <message>
      <source>The new language applies when RSD Studio restarts.</source>
      <translation>新语言将在 RSD Studio 重新启动后生效。</translation>
    </message>
    <message>
      <source>Batch finished: %1 done, %2 failed, %3 skipped.</source>
      <translation>批处理完成：%1 个完成，%2 个失败，%3 个跳过。</translation>
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
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Batch</source>
      <translation>批处理(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Open Photos…</source>
      <translation>打开照片(&amp;O)…</translation>
    </message>
    <message>
      <source>Open &amp;Folder…</source>
      <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
      <source>&amp;Paste Image</source>
      <translation>粘贴图像(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Export Comparison…</source>
      <translation>导出对比图(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>设置(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;About RSD Studio</source>
      <translation>关于 RSD Studio(&amp;A)</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Fit</source>
      <translation>适应窗口(&amp;F)</translation>
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
      <translation>并排</translation>
    </message>
    <message>
      <source>Split</source>
      <translation>分割</translation>
    </message>
    <message>
      <source>A/B Flip</source>
      <translation>A/B 切换</translation>
    </message>
    <message>
      <source>Flip Original/Upscaled</source>
      <translation>切换原图/放大图</translation>
    </message>
    <message>
      <source>Original Enlarged &amp;Bicubic</source>
      <translation>原图双三次放大(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Region Preview Tool</source>
      <translation>区域预览工具(&amp;R)</translation>
    </message>
    <message>
      <source>Drag a rectangle to preview its upscale (or Shift+drag any time)</source>
      <translation>拖出一个矩形即可预览该区域的放大效果（也可随时按住 Shift 拖动）</translation>
    </message>
    <message>
      <source>Compare with &amp;Teacher</source>
      <translation>与教师模型对比(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Add Photo to Batch</source>
      <translation>将照片加入批处理(&amp;A)</translation>
    </message>
    <message>
      <source>Add &amp;All Photos to Batch</source>
      <translation>将所有照片加入批处理(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Start Batch</source>
      <translation>开始批处理(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Pause/Resume Batch</source>
      <translation>暂停/继续批处理(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Cancel Batch</source>
      <translation>取消批处理(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Retry Failed</source>
      <translation>重试失败项(&amp;R)</translation>
    </message>
    <message>
      <source>Region Preview</source>
      <translation>区域预览</translation>
    </message>
    <message>
      <source>Batch Queue</source>
      <translation>批处理队列</translation>
    </message>
    <message>
      <source>Model: %1 (loads on first use)</source>
      <translation>模型：%1（首次使用时加载）</translation>
    </message>
    <message>
      <source>Model: %1 · %2</source>
      <translation>模型：%1 · %2</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) loaded</source>
      <translation>
        <numerusform>已加载 %n 张照片</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot open %1: %2</source>
      <translation>无法打开 %1：%2</translation>
    </message>
    <message>
      <source>Open Photos</source>
      <translation>打开照片</translation>
    </message>
    <message>
      <source>Images (%1)</source>
      <translation>图像 (%1)</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <source>The clipboard holds no image.</source>
      <translation>剪贴板中没有图像。</translation>
    </message>
    <message>
      <source>Could not keep the pasted image in %1.</source>
      <translation>无法将粘贴的图像保存到 %1。</translation>
    </message>
    <message>
      <source>Previewing region %1×%2…</source>
      <translation>正在预览 %1×%2 区域…</translation>
    </message>
    <message>
      <source>Select a region first (Shift+drag on the photo).</source>
      <translation>请先选择一个区域（在照片上按住 Shift 拖动）。</translation>
    </message>
    <message>
      <source>Preview failed: %1</source>
      <translation>预览失败：%1</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) added to the batch</source>
      <translation>
        <numerusform>已将 %n 张照片加入批处理</numerusform>
      </translation>
    </message>
    <message>
      <source>Original</source>
      <translation>原图</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>放大后</translation>
    </message>
    <message>
      <source>Side by side (*.png *.jpg)</source>
      <translation>并排 (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Split at the divider (*.png *.jpg)</source>
      <translation>按分割线拼接 (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Export Comparison</source>
      <translation>导出对比图</translation>
    </message>
    <message>
      <source>Comparison saved to %1</source>
      <translation>对比图已保存到 %1</translation>
    </message>
    <message>
      <source>Could not save %1</source>
      <translation>无法保存 %1</translation>
    </message>
    <message>
      <source>No photos found in what was opened.</source>
      <translation>所打开的内容中没有找到照片。</translation>
    </message>
    <message>
      <source>The photo is in the batch already; its map can be asked for when it is done.</source>
      <translation>这张照片已在批处理中；完成后即可请求其细节图。</translation>
    </message>
    <message>
      <source>Open a photo first.</source>
      <translation>请先打开一张照片。</translation>
    </message>
    <message>
      <source>Upscaling the whole photo with its map of invented detail…</source>
      <translation>正在放大整张照片并生成其细节图…</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::RegionPreviewPanel</name>
    <message>
      <source>%1×%2 px, nearest neighbour</source>
      <translation>%1×%2 像素，最近邻</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>处理中…</translation>
    </message>
    <message>
      <source>Working… (the teacher takes many steps)</source>
      <translation>处理中…（教师模型需要多步）</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Failed: %1</source>
      <translation>失败：%1</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s</source>
      <translation>%1 于 %2 · %3 秒</translation>
    </message>
    <message>
      <source>Original</source>
      <translation>原图</translation>
    </message>
    <message>
      <source>Student (one step)</source>
      <translation>学生模型（单步）</translation>
    </message>
    <message>
      <source>Teacher (multi-step)</source>
      <translation>教师模型（多步）</translation>
    </message>
    <message>
      <source>Compare with teacher</source>
      <translation>与教师模型对比</translation>
    </message>
    <message>
      <source>Shift+drag a rectangle on the photo to preview that region.</source>
      <translation>在照片上按住 Shift 拖出矩形即可预览该区域。</translation>
    </message>
    <message>
      <source>Region %1, %2 · %3×%4 px</source>
      <translation>区域 %1, %2 · %3×%4 像素</translation>
    </message>
    <message>
      <source>Detail:</source>
      <translation>细节：</translation>
    </message>
    <message>
      <source>0 %: the mean of several samples, most faithful to the photo and softest. 100 %: a single sample, with the most (partly invented) detail.</source>
      <translation>0 %：多个样本的平均值，最忠实于照片，也最柔和。100 %：单个样本，细节最多（部分为模型生成）。</translation>
    </message>
    <message>
      <source>Show invented detail</source>
      <translation>显示生成的细节</translation>
    </message>
    <message>
      <source>Colours the places where the samples disagree: the model invented detail there that the photo does not hold (black: all samples agree).</source>
      <translation>为样本之间不一致的位置着色：模型在那里生成了照片中没有的细节（黑色：所有样本一致）。</translation>
    </message>
    <message>
      <source>Opacity:</source>
      <translation>不透明度：</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, samples: %4</source>
      <translation>%1，%2 · %3 秒，样本数：%4</translation>
    </message>
    <message>
      <source>Map the whole photo</source>
      <translation>整张照片的细节图</translation>
    </message>
    <message>
      <source>Upscales the whole photo with its map of invented detail (through the batch queue) and shows the map over the result.</source>
      <translation>放大整张照片并生成其细节图（通过批处理队列），然后在结果上显示该图。</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, more samples coming…</source>
      <translation>%1，%2 · %3 秒，更多样本计算中…</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Other…</source>
      <translation>其他…</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>自动</translation>
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
      <translation>CUDA GPU（不可用）</translation>
    </message>
    <message>
      <source> px</source>
      <translation> 像素</translation>
    </message>
    <message>
      <source>Next to each photo</source>
      <translation>与各照片相同位置</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Output folder</source>
      <translation>输出文件夹</translation>
    </message>
    <message>
      <source>Same as the photo</source>
      <translation>与照片相同</translation>
    </message>
    <message>
      <source>Tokens: {stem} photo name, {ext} output extension, {scale} factor, {model} model name, {date} today</source>
      <translation>占位符：{stem} 照片名，{ext} 输出扩展名，{scale} 倍数，{model} 模型名，{date} 今天日期</translation>
    </message>
    <message>
      <source>Keep all metadata</source>
      <translation>保留全部元数据</translation>
    </message>
    <message>
      <source>Keep all but GPS location</source>
      <translation>保留除 GPS 位置外的全部信息</translation>
    </message>
    <message>
      <source>Strip all metadata (keep the colour profile)</source>
      <translation>移除所有元数据（保留色彩配置文件）</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>系统语言</translation>
    </message>
    <message>
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <source>Show the original enlarged bicubic (else nearest neighbour)</source>
      <translation>以双三次插值放大显示原图（否则为最近邻）</translation>
    </message>
    <message>
      <source>Notify me when a long batch ends</source>
      <translation>长时间批处理结束时通知我</translation>
    </message>
    <message>
      <source>Model:</source>
      <translation>模型：</translation>
    </message>
    <message>
      <source>Teacher for comparison:</source>
      <translation>用于对比的教师模型：</translation>
    </message>
    <message>
      <source>Extra models folder:</source>
      <translation>额外模型文件夹：</translation>
    </message>
    <message>
      <source>Device:</source>
      <translation>设备：</translation>
    </message>
    <message>
      <source>Precision:</source>
      <translation>精度：</translation>
    </message>
    <message>
      <source>fp16 (GPU only)</source>
      <translation>fp16（仅 GPU）</translation>
    </message>
    <message>
      <source>Number format of the network: Automatic takes bf16 or fp16 on a GPU and fp32 on most CPUs; lower precision is faster and differs from fp32 by a fraction of a level.</source>
      <translation>网络的数值格式：自动在 GPU 上使用 bf16 或 fp16，在大多数 CPU 上使用 fp32；较低精度更快，与 fp32 的差异不到一个色阶。</translation>
    </message>
    <message>
      <source>Tile size:</source>
      <translation>分块大小：</translation>
    </message>
    <message>
      <source>Seed:</source>
      <translation>随机种子：</translation>
    </message>
    <message>
      <source>Output folder:</source>
      <translation>输出文件夹：</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>格式：</translation>
    </message>
    <message>
      <source>Quality (JPEG, WebP, HEIF, AVIF):</source>
      <translation>质量（JPEG、WebP、HEIF、AVIF）：</translation>
    </message>
    <message>
      <source>File name:</source>
      <translation>文件名：</translation>
    </message>
    <message>
      <source>Metadata:</source>
      <translation>元数据：</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>语言：</translation>
    </message>
    <message>
      <source>A new language applies when RSD Studio restarts.</source>
      <translation>新语言将在 RSD Studio 重新启动后生效。</translation>
    </message>
    <message>
      <source>Theme:</source>
      <translation>主题：</translation>
    </message>
    <message>
      <source>RSD lite (shipped, one step)</source>
      <translation>RSD lite（内置，单步）</translation>
    </message>
    <message>
      <source>ResShift lite teacher (shipped)</source>
      <translation>ResShift lite 教师模型（内置）</translation>
    </message>
    <message>
      <source>Model card</source>
      <translation>模型卡</translation>
    </message>
    <message>
      <source>Model cards (*.json)</source>
      <translation>模型卡 (*.json)</translation>
    </message>
    <message>
      <source>How many samples, each with its own noise, the Detail control blends and the map of invented detail compares. Each costs one more model run.</source>
      <translation>“细节”控件混合、生成细节图比较的样本数（每个样本使用自己的噪声）。每多一个样本，模型就多运行一次。</translation>
    </message>
    <message>
      <source>Also write a map of invented detail (_uncertainty.png) beside each output</source>
      <translation>同时在每个输出旁写入生成细节图（_uncertainty.png）</translation>
    </message>
    <message>
      <source>Samples for Detail:</source>
      <translation>细节样本数：</translation>
    </message>
  </context>
</TS>