// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/heatmapscale.h"

#include <QWidget>

namespace Specula::Views {

// The colour scale of a heatmap: the metric's name and unit, a bar of its colours from the
// lowest to the highest value with five labelled marks, and the colour of "no data".
class HeatmapLegend final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeatmapLegend)

public:
    explicit HeatmapLegend(QWidget *parent = nullptr);
    ~HeatmapLegend() override;

    void setScale(const Model::HeatmapScale &scale, const QString &title);
    const Model::HeatmapScale &scale() const { return m_scale; }
    // Where the bar is, in widget coordinates.
    QRect barRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Model::HeatmapScale m_scale;
    QString m_title;
};

} // namespace Specula::Views
