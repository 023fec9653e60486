// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <optional>

class QImage;

namespace Specula::Export {

// Images written as PNG, keeping the device pixel ratio's physical resolution (a HiDPI grab is
// saved at its full pixel size, with the matching dots per metre so viewers show it at the
// logical size).
class ImageFile
{
public:
    // Written through QSaveFile: the file is replaced only when everything was written.
    static std::optional<Core::Error> writePng(const QString &path, const QImage &image);
};

} // namespace Specula::Export
