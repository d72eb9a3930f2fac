// MainWindow: the RSD Studio window. Owns the views; never runs inference on the GUI thread.
#pragma once

#include <QMainWindow>
#include <QStringList>

class QDragEnterEvent;
class QDropEvent;

namespace rsd::ui {

class EmptyStateWidget;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

  // Files and folders to load (command line, drop, Open dialog).
  void openPaths(const QStringList& paths);
  const QStringList& loadedPaths() const { return paths_; }

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void openDialog();
  QStringList paths_;
  EmptyStateWidget* empty_ = nullptr;
};

}  // namespace rsd::ui
