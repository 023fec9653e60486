// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/topologymap.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Specula::Views {

class TopologyMapView;

// The topology map with its controls: what to colour by, a node label selector, zoom buttons,
// the colour key and the export menu. Each new snapshot, search text, namespace, selector or
// colouring lays the map out again off the GUI thread (the newest request wins); the view keeps
// its zoom, scroll and selection across them.
class TopologyMapPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyMapPanel)

public:
    enum class ExportTarget { MapPng, MapCsv };
    // Exported pictures are at most this many logical pixels wide.
    static constexpr int kExportWidth = 2400;

    explicit TopologyMapPanel(QWidget *parent = nullptr);
    ~TopologyMapPanel() override;

    // `reset` is for a switch to another cluster: the map is fitted to the view again.
    void setSnapshot(const Model::ClusterSnapshot &snapshot, bool reset = false);
    void setSearch(const QString &text);
    void setNamespaceFilter(const QString &ns);
    void setColoring(Model::MapColoring coloring);
    Model::MapColoring coloring() const { return m_options.coloring; }
    // A label selector on nodes ("nvidia.com/gpu.product=A100,!gpu.disabled"); the parse error's
    // text when it is not one (the map keeps the last good selector).
    std::optional<QString> setSelector(const QString &text);

    TopologyMapView *view() const { return m_view; }
    QLineEdit *selectorField() const { return m_selector; }
    QComboBox *coloringBox() const { return m_coloring; }
    // "120 of 5,000 nodes", or why the selector is not used.
    QString statusText() const;
    std::optional<QString> exportTo(ExportTarget target, const QString &path) const;
    QAction *exportAction(ExportTarget target) const;

Q_SIGNALS:
    void keySelected(const QString &key);
    // A layout is on screen (after each snapshot or filter change).
    void mapShown();

private:
    void requestLayout();
    void showMap(Model::TopologyMap map);
    void updateLegend();
    void askAndExport(ExportTarget target);

    Model::ClusterSnapshot m_snapshot;
    Model::TopologyMapOptions m_options;
    TopologyMapView *m_view;
    QComboBox *m_coloring;
    QLineEdit *m_selector;
    QLabel *m_legend;
    QLabel *m_status;
    QString m_selectorError;
    QList<QAction *> m_exportActions; // by ExportTarget
    bool m_building = false;
    bool m_buildAgain = false;
    bool m_fitNext = true;
};

} // namespace Specula::Views
