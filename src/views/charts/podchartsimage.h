// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "model/podchartplan.h"

#include <QImage>
#include <optional>

namespace Specula::Views {

// A pod's charts drawn into one picture without a window, for `specula export pod … -o F.png`:
// a heading, then the charts two per row (PodChartsGrid's layout). Needs a QApplication (the offscreen platform will
// do).
class PodChartsImage
{
public:
    static constexpr int kColumns = 2;
    static constexpr QSize kChartSize { 640, 320 };
    static constexpr int kMargin = 12;
    static constexpr int kSpacing = 6; // also PodChartsGrid's

    // The picture, at the platform's device pixel ratio; a null image without a QApplication.
    static QImage render(const QList<Model::PodChart> &charts, const QString &heading);
    // The picture as PNG, written through QSaveFile.
    static std::optional<Core::Error> writePng(const QString &path, const QList<Model::PodChart> &charts,
                                               const QString &heading);
};

} // namespace Specula::Views
