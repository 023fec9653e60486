// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/podchartplan.h"

#include <QWidget>

class QGridLayout;

namespace Specula::Views {

class TimeSeriesChart;

// A pod's charts (PodChartPlan) side by side, `columns` per row; a chart with more than four
// lines takes a row of its own. Zooming or panning one chart
// moves the others along, so that one moment lines up in all of them.
class PodChartsGrid final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodChartsGrid)

public:
    explicit PodChartsGrid(QWidget *parent = nullptr);
    ~PodChartsGrid() override;

    void setCharts(const QList<Model::PodChart> &charts);
    void setColumns(int columns);
    const QList<TimeSeriesChart *> &charts() const { return m_charts; }
    // The chart with this title, or null.
    TimeSeriesChart *chart(const QString &title) const;
    int rowCount() const;

private:
    void layOut();

    static constexpr int kLinesForAWideChart = 4;

    QGridLayout *m_layout;
    QList<TimeSeriesChart *> m_charts;
    int m_columns = 2;
    int m_rows = 0;
};

} // namespace Specula::Views
