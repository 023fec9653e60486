// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/topologymapitem.h"

#include "model/topologymappainter.h"
#include "views/topologymapview.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Specula::Views {
namespace {

// Room for the selection outline, which is drawn just outside the box.
constexpr double kOutline = 3;

} // namespace

TopologyMapItem::TopologyMapItem(const TopologyMapView *view, int index)
    : m_view(view)
    , m_index(-1)
{
    setIndex(index);
}

void TopologyMapItem::setIndex(int index)
{
    const QRectF rect = m_view->map().nodes().at(index).rect;
    if (rect.size() != m_rect.size())
        prepareGeometryChange();
    m_index = index;
    m_rect = rect;
    setPos(rect.topLeft());
    update();
}

QRectF TopologyMapItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_rect.size()).adjusted(-kOutline, -kOutline, kOutline, kOutline);
}

void TopologyMapItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    m_view->painter().paintNode(*painter, m_index, lod, m_view->selectedCellOf(m_index));
}

} // namespace Specula::Views
