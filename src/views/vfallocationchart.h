// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/vfallocation.h"

#include <QAbstractScrollArea>
#include <memory>

namespace Specula::Model {
class VfAllocationPainter;
}

namespace Specula::Views {

// The VF allocation graph: one horizontal stacked bar per node or pool (allocated, free, not
// created), a legend that stays on top, and a tooltip with the exact counts. Scrolls when there
// are more bars than fit and paints only the visible ones, so thousands of nodes stay cheap.
// Clicking a bar selects it (clicking it again clears the selection).
class VfAllocationChart final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VfAllocationChart)

public:
    explicit VfAllocationChart(QWidget *parent = nullptr);
    ~VfAllocationChart() override;

    // Keeps the scroll position and the selection (when the selected bar still exists).
    void setRows(const QList<Model::VfAllocationRow> &rows);
    const QList<Model::VfAllocationRow> &rows() const;

    QString selectedName() const { return m_selected; }
    void setSelectedName(const QString &name);

    // Geometry in viewport coordinates, for hit tests and tests: -1 where there is no bar.
    int rowAt(const QPoint &viewportPos) const;
    QRect rowRect(int index) const;
    QRect barRect(int index) const;
    // What the tooltip says at this viewport position; empty outside the bars.
    QString toolTipAt(const QPoint &viewportPos) const;
    // Scrolls so that bar `index` is visible.
    void ensureVisible(int index);

    // The whole graph, every bar, as wide as the chart, at this device pixel ratio.
    QImage image(qreal devicePixelRatio) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    // A bar was clicked: its name, or empty when the click cleared the selection.
    void selectionChanged(const QString &name);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuildPainter();
    void updateScrollBar();

    std::unique_ptr<Model::VfAllocationPainter> m_painter;
    QString m_selected;
};

} // namespace Specula::Views
