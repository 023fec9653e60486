// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/podchartsimage.h"

#include "views/charts/podchartsgrid.h"

#include <QApplication>
#include <QLabel>
#include <QSaveFile>
#include <QVBoxLayout>

namespace Specula::Views {

QImage PodChartsImage::render(const QList<Model::PodChart> &charts, const QString &heading)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return {};
    QWidget page;
    page.setAttribute(Qt::WA_DontShowOnScreen);
    page.setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(&page);
    layout->setContentsMargins(kMargin, kMargin, kMargin, kMargin);
    layout->setSpacing(kSpacing);
    auto *title = new QLabel(heading, &page);
    QFont font = title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.3);
    title->setFont(font);
    layout->addWidget(title);
    auto *grid = new PodChartsGrid(&page);
    grid->setColumns(kColumns);
    grid->setCharts(charts);
    layout->addWidget(grid);
    const int rows = std::max(1, grid->rowCount());
    page.resize(kColumns * kChartSize.width() + (kColumns - 1) * kSpacing + 2 * kMargin,
                rows * kChartSize.height() + (rows - 1) * kSpacing + title->sizeHint().height() + kSpacing
                    + 2 * kMargin);
    page.show();
    // The charts lay themselves out and decimate their lines for their width in posted events.
    for (int round = 0; round < 3; ++round)
        QCoreApplication::processEvents();
    return page.grab().toImage();
}

std::optional<Core::Error> PodChartsImage::writePng(const QString &path, const QList<Model::PodChart> &charts,
                                                    const QString &heading)
{
    const QImage image = render(charts, heading);
    if (image.isNull())
        return Core::Error {
            Core::Error::Kind::Config, QStringLiteral("drawing charts needs a QApplication"), path, 0, {}
        };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return Core::Error {
            Core::Error::Kind::Config, QStringLiteral("cannot write: ") + file.errorString(), path, 0, {}
        };
    return std::nullopt;
}

} // namespace Specula::Views
