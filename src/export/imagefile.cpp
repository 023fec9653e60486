// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/imagefile.h"

#include <QImage>
#include <QSaveFile>
#include <cmath>

namespace Specula::Export {
namespace {

Core::Error writeError(const QString &why, const QString &path)
{
    return Core::Error { Core::Error::Kind::Config, QStringLiteral("cannot write the PNG: ") + why, path, 0, {} };
}

} // namespace

std::optional<Core::Error> ImageFile::writePng(const QString &path, const QImage &image)
{
    if (image.isNull())
        return writeError(QStringLiteral("there is no image"), path);
    QImage out = image;
    // 96 dpi at a ratio of 1, scaled with the ratio.
    const int dotsPerMeter = int(std::lround(96 / 0.0254 * image.devicePixelRatio()));
    out.setDotsPerMeterX(dotsPerMeter);
    out.setDotsPerMeterY(dotsPerMeter);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(file.errorString(), path);
    if (!out.save(&file, "PNG")) {
        file.cancelWriting();
        return writeError(file.errorString().isEmpty() ? QStringLiteral("PNG encoding failed") : file.errorString(),
                          path);
    }
    if (!file.commit())
        return writeError(file.errorString(), path);
    return std::nullopt;
}

} // namespace Specula::Export
