// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/topologymap.h"

#include <QGraphicsView>
#include <memory>

namespace Specula::Model {
class TopologyMapPainter;
}

namespace Specula::Views {

class TopologyMapItem;

// The topology map: every node as a box holding its GPUs (MIG slices inside their GPU) and
// NICs (PFs with their VFs), coloured by the chosen metric or by allocation, with pod labels on
// what they hold when zoomed in. The wheel zooms about the pointer, dragging pans, +, - and 0
// zoom in, out and to fit; a click selects a node or device by its TopologyModel key (the tree's
// selection follows), hovering tells what is under the pointer. One item per node, each
// painted with a level of detail for its zoom, keeps 5,000 nodes smooth.
class TopologyMapView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyMapView)

public:
    static constexpr double kMinScale = 0.02;
    static constexpr double kMaxScale = 8;

    explicit TopologyMapView(QWidget *parent = nullptr);
    ~TopologyMapView() override;

    // Shows a new layout; the selection stays when the new layout still shows it. The first
    // layout (and one with `fit`) is zoomed to fit the view.
    void setMap(Model::TopologyMap map, bool fit = false);
    const Model::TopologyMap &map() const { return m_map; }
    const Model::TopologyMapPainter &painter() const { return *m_painter; }

    // Selects what a TopologyModel key shows (a pod's key selects what it holds) and brings
    // it into view; false when the map does not show it. An empty key clears the selection.
    bool selectKey(const QString &key);
    QString selectedKey() const { return m_selectedKey; }
    // The cell of node `index` to outline: -2 the node itself, -1 none.
    int selectedCellOf(int index) const;

    double zoom() const;
    void setZoom(double scale);
    void zoomBy(double factor);
    // Zooms to show the whole map, and keeps it fitted as the view resizes until the user zooms.
    void fitAll();
    // What the pointer tells at a viewport point.
    QString toolTipAt(QPoint viewportPoint) const;

Q_SIGNALS:
    // The user selected something on the map (its TopologyModel key).
    void keySelected(const QString &key);
    void zoomChanged(double scale);

protected:
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateSelection();

    Model::TopologyMap m_map;
    std::unique_ptr<Model::TopologyMapPainter> m_painter;
    QGraphicsScene *m_scene;
    QList<TopologyMapItem *> m_items; // by node index
    QString m_selectedKey;
    std::pair<int, int> m_selected { -1, -1 };
    QPoint m_pressPosition;
    bool m_fitted = false; // a layout was fitted once
    bool m_keepFitted = false; // no zoom by the user since
};

} // namespace Specula::Views
