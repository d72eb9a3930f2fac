<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>main</name>
    <message>
      <source>Upscale photos 4x with one-step residual shifting diffusion.</source>
      <translation>Agrandit les photos 4x par diffusion à décalage résiduel en une étape.</translation>
    </message>
    <message>
      <source>Show version information.</source>
      <translation>Affiche les informations de version.</translation>
    </message>
    <message>
      <source>Save a screenshot of the window to FILE and quit.</source>
      <translation>Enregistre une capture de la fenêtre dans FILE et quitte.</translation>
    </message>
    <message>
      <source>Compare mode: side, split or flip.</source>
      <translation>Mode de comparaison : side, split ou flip.</translation>
    </message>
    <message>
      <source>Preview this region (LR pixels X,Y,W,H) before grabbing.</source>
      <translation>Prévisualise cette zone (pixels LR X,Y,L,H) avant la capture.</translation>
    </message>
    <message>
      <source>Also run the teacher on the region.</source>
      <translation>Exécute aussi l’enseignant sur la zone.</translation>
    </message>
    <message>
      <source>Upscale the opened photos as a batch before grabbing.</source>
      <translation>Agrandit les photos ouvertes en lot avant la capture.</translation>
    </message>
    <message>
      <source>Zoom factor of the compare view (1 = 100 %).</source>
      <translation>Facteur de zoom de la vue de comparaison (1 = 100 %).</translation>
    </message>
    <message>
      <source>Photos or folders to open.</source>
      <translation>Photos ou dossiers à ouvrir.</translation>
    </message>
    <message>
      <source>Detail of the region preview in percent.</source>
      <translation>Détail de l’aperçu de la zone, en pourcentage.</translation>
    </message>
    <message>
      <source>Draw the map of invented detail at this opacity (percent).</source>
      <translation>Dessiner la carte des détails inventés avec cette opacité (pourcentage).</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::AboutDialog</name>
    <message>
      <source>About RSD Studio</source>
      <translation>À propos de RSD Studio</translation>
    </message>
    <message>
      <source>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;Photo upscaling with one-step residual shifting diffusion (RSD, arXiv:2503.13358), distilled from ResShift.&lt;/p&gt;</source>
      <translation>&lt;h2&gt;RSD Studio %1&lt;/h2&gt;&lt;p&gt;Agrandissement de photos par diffusion à décalage résiduel en une seule étape (RSD, arXiv:2503.13358), distillée de ResShift.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Versions&lt;/b&gt;&lt;br&gt;Qt %1 (runtime %2)&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;br&gt;Qt 6: LGPL-3.0&lt;br&gt;LibTorch (PyTorch): BSD-3-Clause&lt;br&gt;OpenCV: Apache-2.0&lt;br&gt;Exiv2: GPL-2.0-or-later&lt;br&gt;nlohmann/json: MIT&lt;br&gt;Model weights: see each model card's licence field.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Versions&lt;/b&gt;&lt;br&gt;Qt %1 (exécution %2)&lt;br&gt;%3&lt;br&gt;Modèle : %4&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;br&gt;Qt 6 : LGPL-3.0&lt;br&gt;LibTorch (PyTorch) : BSD-3-Clause&lt;br&gt;OpenCV : Apache-2.0&lt;br&gt;Exiv2 : GPL-2.0-or-later&lt;br&gt;nlohmann/json : MIT&lt;br&gt;Poids des modèles : voir le champ licence de chaque fiche de modèle.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchController</name>
    <message>
      <source>output already exists</source>
      <translation>le fichier de sortie existe déjà</translation>
    </message>
    <message>
      <source>loading</source>
      <translation>chargement</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchPanel</name>
    <message>
      <source>Start</source>
      <translation>Démarrer</translation>
    </message>
    <message>
      <source>Start the batch (Ctrl+Return)</source>
      <translation>Démarrer le lot (Ctrl+Entrée)</translation>
    </message>
    <message>
      <source>Cancel item</source>
      <translation>Annuler l’élément</translation>
    </message>
    <message>
      <source>Cancel all</source>
      <translation>Tout annuler</translation>
    </message>
    <message>
      <source>Cancel the batch (Ctrl+.)</source>
      <translation>Annuler le lot (Ctrl+.)</translation>
    </message>
    <message>
      <source>Retry failed</source>
      <translation>Réessayer les échecs</translation>
    </message>
    <message>
      <source>Clear finished</source>
      <translation>Retirer les terminés</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>Reprendre</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Pause</translation>
    </message>
    <message>
      <source>%1 of %2 photos</source>
      <translation>%1 sur %2 photos</translation>
    </message>
    <message>
      <source>about %1 left</source>
      <translation>environ %1 restantes</translation>
    </message>
    <message>
      <source>estimating…</source>
      <translation>estimation…</translation>
    </message>
    <message>
      <source>paused</source>
      <translation>en pause</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::BatchQueueModel</name>
    <message>
      <source>Queued</source>
      <translation>En attente</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>En cours</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Terminé</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Échec</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulé</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>Ignoré</translation>
    </message>
    <message>
      <source>Done (%1 s)</source>
      <translation>Terminé (%1 s)</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Progression</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Erreur</translation>
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
      <translation>Aperçu</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>Agrandie</translation>
    </message>
    <message>
      <source>SR %1, %2  ·  LR %3, %4  ·  LR RGB %5 %6 %7</source>
      <translation>SR %1, %2  ·  LR %3, %4  ·  LR RVB %5 %6 %7</translation>
    </message>
    <message>
      <source>  ·  SR RGB %1 %2 %3</source>
      <translation>  ·  SR RVB %1 %2 %3</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::EmptyStateWidget</name>
    <message>
      <source>Drop photos here</source>
      <translation>Déposez vos photos ici</translation>
    </message>
    <message>
      <source>Drag photos or folders onto this window to upscale them 4×.
You can also open files, or paste an image from the clipboard (Ctrl+V).
Supported: JPEG, PNG, TIFF, WebP and BMP, 8 or 16 bits, with metadata kept.</source>
      <translation>Glissez des photos ou des dossiers sur cette fenêtre pour les agrandir 4×.
Vous pouvez aussi ouvrir des fichiers ou coller une image du presse-papiers (Ctrl+V).
Formats pris en charge : JPEG, PNG, TIFF, WebP et BMP, 8 ou 16 bits, métadonnées conservées.</translation>
    </message>
    <message>
      <source>Open Photos…</source>
      <translation>Ouvrir des photos…</translation>
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
      <translation>Impossible de charger le modèle : %1</translation>
    </message>
    <message>
      <source>Memory %1 MB</source>
      <translation>Mémoire %1 Mo</translation>
    </message>
    <message>
      <source>The new language applies when RSD Studio restarts.</source>
      <translation>La nouvelle langue s’appliquera au redémarrage de RSD Studio.</translation>
    </message>
    <message>
      <source>Batch finished: %1 done, %2 failed, %3 skipped.</source>
      <translation>Lot terminé : %1 réussis, %2 en échec, %3 ignorés.</translation>
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
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Affichage</translation>
    </message>
    <message>
      <source>&amp;Batch</source>
      <translation>&amp;Lot</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Aide</translation>
    </message>
    <message>
      <source>&amp;Open Photos…</source>
      <translation>&amp;Ouvrir des photos…</translation>
    </message>
    <message>
      <source>Open &amp;Folder…</source>
      <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
      <source>&amp;Paste Image</source>
      <translation>&amp;Coller l’image</translation>
    </message>
    <message>
      <source>&amp;Export Comparison…</source>
      <translation>&amp;Exporter la comparaison…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Paramètres…</translation>
    </message>
    <message>
      <source>&amp;About RSD Studio</source>
      <translation>À &amp;propos de RSD Studio</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>Zoom &amp;avant</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
      <source>&amp;Fit</source>
      <translation>A&amp;juster</translation>
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
      <translation>Côte à côte</translation>
    </message>
    <message>
      <source>Split</source>
      <translation>Partagé</translation>
    </message>
    <message>
      <source>A/B Flip</source>
      <translation>Bascule A/B</translation>
    </message>
    <message>
      <source>Flip Original/Upscaled</source>
      <translation>Basculer original/agrandie</translation>
    </message>
    <message>
      <source>Original Enlarged &amp;Bicubic</source>
      <translation>Original agrandi en &amp;bicubique</translation>
    </message>
    <message>
      <source>&amp;Region Preview Tool</source>
      <translation>Outil d’aperçu de &amp;zone</translation>
    </message>
    <message>
      <source>Drag a rectangle to preview its upscale (or Shift+drag any time)</source>
      <translation>Tracez un rectangle pour prévisualiser son agrandissement (ou Maj+glisser à tout moment)</translation>
    </message>
    <message>
      <source>Compare with &amp;Teacher</source>
      <translation>Comparer avec le modèle &amp;enseignant</translation>
    </message>
    <message>
      <source>&amp;Add Photo to Batch</source>
      <translation>&amp;Ajouter la photo au lot</translation>
    </message>
    <message>
      <source>Add &amp;All Photos to Batch</source>
      <translation>Ajouter &amp;toutes les photos au lot</translation>
    </message>
    <message>
      <source>&amp;Start Batch</source>
      <translation>&amp;Démarrer le lot</translation>
    </message>
    <message>
      <source>&amp;Pause/Resume Batch</source>
      <translation>&amp;Suspendre/reprendre le lot</translation>
    </message>
    <message>
      <source>&amp;Cancel Batch</source>
      <translation>&amp;Annuler le lot</translation>
    </message>
    <message>
      <source>&amp;Retry Failed</source>
      <translation>&amp;Réessayer les échecs</translation>
    </message>
    <message>
      <source>Region Preview</source>
      <translation>Aperçu de zone</translation>
    </message>
    <message>
      <source>Batch Queue</source>
      <translation>File du lot</translation>
    </message>
    <message>
      <source>Model: %1 (loads on first use)</source>
      <translation>Modèle : %1 (chargé à la première utilisation)</translation>
    </message>
    <message>
      <source>Model: %1 · %2</source>
      <translation>Modèle : %1 · %2</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) loaded</source>
      <translation>
        <numerusform>%n photo chargée</numerusform>
        <numerusform>%n photos chargées</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot open %1: %2</source>
      <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
      <source>Open Photos</source>
      <translation>Ouvrir des photos</translation>
    </message>
    <message>
      <source>Images (%1)</source>
      <translation>Images (%1)</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>Ouvrir un dossier</translation>
    </message>
    <message>
      <source>The clipboard holds no image.</source>
      <translation>Le presse-papiers ne contient aucune image.</translation>
    </message>
    <message>
      <source>Could not keep the pasted image in %1.</source>
      <translation>Impossible d’enregistrer l’image collée dans %1.</translation>
    </message>
    <message>
      <source>Previewing region %1×%2…</source>
      <translation>Aperçu de la zone %1×%2…</translation>
    </message>
    <message>
      <source>Select a region first (Shift+drag on the photo).</source>
      <translation>Sélectionnez d’abord une zone (Maj+glisser sur la photo).</translation>
    </message>
    <message>
      <source>Preview failed: %1</source>
      <translation>Échec de l’aperçu : %1</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) added to the batch</source>
      <translation>
        <numerusform>%n photo ajoutée au lot</numerusform>
        <numerusform>%n photos ajoutées au lot</numerusform>
      </translation>
    </message>
    <message>
      <source>Original</source>
      <translation>Original</translation>
    </message>
    <message>
      <source>Upscaled</source>
      <translation>Agrandie</translation>
    </message>
    <message>
      <source>Side by side (*.png *.jpg)</source>
      <translation>Côte à côte (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Split at the divider (*.png *.jpg)</source>
      <translation>Partagé au séparateur (*.png *.jpg)</translation>
    </message>
    <message>
      <source>Export Comparison</source>
      <translation>Exporter la comparaison</translation>
    </message>
    <message>
      <source>Comparison saved to %1</source>
      <translation>Comparaison enregistrée dans %1</translation>
    </message>
    <message>
      <source>Could not save %1</source>
      <translation>Impossible d’enregistrer %1</translation>
    </message>
    <message>
      <source>No photos found in what was opened.</source>
      <translation>Aucune photo trouvée dans ce qui a été ouvert.</translation>
    </message>
    <message>
      <source>The photo is in the batch already; its map can be asked for when it is done.</source>
      <translation>La photo est déjà dans le lot ; sa carte pourra être demandée une fois terminée.</translation>
    </message>
    <message>
      <source>Open a photo first.</source>
      <translation>Ouvrez d’abord une photo.</translation>
    </message>
    <message>
      <source>Upscaling the whole photo with its map of invented detail…</source>
      <translation>Agrandissement de la photo entière avec sa carte des détails inventés…</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1 : %2</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::RegionPreviewPanel</name>
    <message>
      <source>%1×%2 px, nearest neighbour</source>
      <translation>%1×%2 px, plus proche voisin</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Traitement…</translation>
    </message>
    <message>
      <source>Working… (the teacher takes many steps)</source>
      <translation>Traitement… (le modèle enseignant fait de nombreuses étapes)</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulé</translation>
    </message>
    <message>
      <source>Failed: %1</source>
      <translation>Échec : %1</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s</source>
      <translation>%1 sur %2 · %3 s</translation>
    </message>
    <message>
      <source>Original</source>
      <translation>Original</translation>
    </message>
    <message>
      <source>Student (one step)</source>
      <translation>Élève (une étape)</translation>
    </message>
    <message>
      <source>Teacher (multi-step)</source>
      <translation>Enseignant (plusieurs étapes)</translation>
    </message>
    <message>
      <source>Compare with teacher</source>
      <translation>Comparer avec l’enseignant</translation>
    </message>
    <message>
      <source>Shift+drag a rectangle on the photo to preview that region.</source>
      <translation>Maj+glissez un rectangle sur la photo pour prévisualiser cette zone.</translation>
    </message>
    <message>
      <source>Region %1, %2 · %3×%4 px</source>
      <translation>Zone %1, %2 · %3×%4 px</translation>
    </message>
    <message>
      <source>Detail:</source>
      <translation>Détail :</translation>
    </message>
    <message>
      <source>0 %: the mean of several samples, most faithful to the photo and softest. 100 %: a single sample, with the most (partly invented) detail.</source>
      <translation>0 % : la moyenne de plusieurs échantillons, la plus fidèle à la photo et la plus douce. 100 % : un seul échantillon, avec le plus de détails (en partie inventés).</translation>
    </message>
    <message>
      <source>Show invented detail</source>
      <translation>Montrer les détails inventés</translation>
    </message>
    <message>
      <source>Colours the places where the samples disagree: the model invented detail there that the photo does not hold (black: all samples agree).</source>
      <translation>Colore les endroits où les échantillons divergent : le modèle y a inventé des détails que la photo ne contient pas (noir : tous les échantillons concordent).</translation>
    </message>
    <message>
      <source>Opacity:</source>
      <translation>Opacité :</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, samples: %4</source>
      <translation>%1 sur %2 · %3 s, échantillons : %4</translation>
    </message>
    <message>
      <source>Map the whole photo</source>
      <translation>Carte de la photo entière</translation>
    </message>
    <message>
      <source>Upscales the whole photo with its map of invented detail (through the batch queue) and shows the map over the result.</source>
      <translation>Agrandit la photo entière avec sa carte des détails inventés (via la file du lot) et affiche la carte sur le résultat.</translation>
    </message>
    <message>
      <source>%1 on %2 · %3 s, more samples coming…</source>
      <translation>%1 sur %2 · %3 s, d’autres échantillons arrivent…</translation>
    </message>
  </context>
  <context>
    <name>rsd::ui::SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Paramètres</translation>
    </message>
    <message>
      <source>Other…</source>
      <translation>Autre…</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>Automatique</translation>
    </message>
    <message>
      <source>CPU</source>
      <translation>Processeur (CPU)</translation>
    </message>
    <message>
      <source>CUDA GPU</source>
      <translation>GPU CUDA</translation>
    </message>
    <message>
      <source>CUDA GPU (not available)</source>
      <translation>GPU CUDA (indisponible)</translation>
    </message>
    <message>
      <source> px</source>
      <translation> px</translation>
    </message>
    <message>
      <source>Next to each photo</source>
      <translation>À côté de chaque photo</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Parcourir…</translation>
    </message>
    <message>
      <source>Output folder</source>
      <translation>Dossier de sortie</translation>
    </message>
    <message>
      <source>Same as the photo</source>
      <translation>Comme la photo</translation>
    </message>
    <message>
      <source>Tokens: {stem} photo name, {ext} output extension, {scale} factor, {model} model name, {date} today</source>
      <translation>Jetons : {stem} nom de la photo, {ext} extension de sortie, {scale} facteur, {model} nom du modèle, {date} date du jour</translation>
    </message>
    <message>
      <source>Keep all metadata</source>
      <translation>Conserver toutes les métadonnées</translation>
    </message>
    <message>
      <source>Keep all but GPS location</source>
      <translation>Tout conserver sauf la position GPS</translation>
    </message>
    <message>
      <source>Strip all metadata (keep the colour profile)</source>
      <translation>Supprimer toutes les métadonnées (garder le profil colorimétrique)</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>Langue du système</translation>
    </message>
    <message>
      <source>System</source>
      <translation>Système</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Clair</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Sombre</translation>
    </message>
    <message>
      <source>Show the original enlarged bicubic (else nearest neighbour)</source>
      <translation>Afficher l’original agrandi en bicubique (sinon plus proche voisin)</translation>
    </message>
    <message>
      <source>Notify me when a long batch ends</source>
      <translation>M’avertir à la fin d’un long lot</translation>
    </message>
    <message>
      <source>Model:</source>
      <translation>Modèle :</translation>
    </message>
    <message>
      <source>Teacher for comparison:</source>
      <translation>Enseignant pour la comparaison :</translation>
    </message>
    <message>
      <source>Extra models folder:</source>
      <translation>Dossier de modèles supplémentaire :</translation>
    </message>
    <message>
      <source>Device:</source>
      <translation>Périphérique :</translation>
    </message>
    <message>
      <source>Precision:</source>
      <translation>Précision :</translation>
    </message>
    <message>
      <source>fp16 (GPU only)</source>
      <translation>fp16 (GPU uniquement)</translation>
    </message>
    <message>
      <source>Number format of the network: Automatic takes bf16 or fp16 on a GPU and fp32 on most CPUs; lower precision is faster and differs from fp32 by a fraction of a level.</source>
      <translation>Format numérique du réseau : Automatique choisit bf16 ou fp16 sur un GPU et fp32 sur la plupart des CPU ; une précision plus faible est plus rapide et s’écarte de fp32 d’une fraction de niveau.</translation>
    </message>
    <message>
      <source>Tile size:</source>
      <translation>Taille des tuiles :</translation>
    </message>
    <message>
      <source>Seed:</source>
      <translation>Graine :</translation>
    </message>
    <message>
      <source>Output folder:</source>
      <translation>Dossier de sortie :</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>Format :</translation>
    </message>
    <message>
      <source>Quality (JPEG, WebP, HEIF, AVIF):</source>
      <translation>Qualité (JPEG, WebP, HEIF, AVIF) :</translation>
    </message>
    <message>
      <source>File name:</source>
      <translation>Nom de fichier :</translation>
    </message>
    <message>
      <source>Metadata:</source>
      <translation>Métadonnées :</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>Langue :</translation>
    </message>
    <message>
      <source>A new language applies when RSD Studio restarts.</source>
      <translation>Une nouvelle langue s’applique au redémarrage de RSD Studio.</translation>
    </message>
    <message>
      <source>Theme:</source>
      <translation>Thème :</translation>
    </message>
    <message>
      <source>RSD lite (shipped, one step)</source>
      <translation>RSD lite (fourni, une étape)</translation>
    </message>
    <message>
      <source>ResShift lite teacher (shipped)</source>
      <translation>Enseignant ResShift lite (fourni)</translation>
    </message>
    <message>
      <source>Model card</source>
      <translation>Fiche de modèle</translation>
    </message>
    <message>
      <source>Model cards (*.json)</source>
      <translation>Fiches de modèle (*.json)</translation>
    </message>
    <message>
      <source>How many samples, each with its own noise, the Detail control blends and the map of invented detail compares. Each costs one more model run.</source>
      <translation>Le nombre d’échantillons, chacun avec son propre bruit, que le réglage Détail mélange et que la carte des détails inventés compare. Chacun coûte une exécution du modèle de plus.</translation>
    </message>
    <message>
      <source>Also write a map of invented detail (_uncertainty.png) beside each output</source>
      <translation>Écrire aussi une carte des détails inventés (_uncertainty.png) à côté de chaque résultat</translation>
    </message>
    <message>
      <source>Samples for Detail:</source>
      <translation>Échantillons pour Détail :</translation>
    </message>
  </context>
</TS>