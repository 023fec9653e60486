// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>

namespace Specula::Views {

class TopologyMapView;

// One node's box on the map. The view holds the layout and the painter; the item only knows
// which node it is, so that a new layout moves items instead of making new ones, and the
// scene's index finds the boxes in view for painting and hovering.
class TopologyMapItem final : public QGraphicsItem
{
public:
    TopologyMapItem(const TopologyMapView *view, int index);

    int index() const { return m_index; }
    // Takes the size and place of node `index` in the view's current layout.
    void setIndex(int index);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const TopologyMapView *m_view;
    int m_index;
    QRectF m_rect;
};

} // namespace Specula::Views
