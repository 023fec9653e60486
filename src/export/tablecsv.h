// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <optional>

class QAbstractItemModel;
class QIODevice;

namespace Specula::Export {

// Any table model's displayed text as CSV (RFC 4180, UTF-8, CRLF line ends; fields with a comma,
// quote, CR or LF quoted, quotes doubled): a header row of the horizontal header texts, then one
// line per top-level row in the model's order. Pass the view's proxy to export what is on screen,
// sorted and filtered as shown.
class TableCsv
{
public:
    // `columns` in the order wanted; empty: every column.
    static QByteArray toCsv(const QAbstractItemModel &model, const QList<int> &columns = {});
    static std::optional<Core::Error> write(QIODevice *device, const QAbstractItemModel &model,
                                            const QList<int> &columns = {});
    // Written through QSaveFile: the file is replaced only when everything was written.
    static std::optional<Core::Error> writeFile(const QString &path, const QAbstractItemModel &model,
                                                const QList<int> &columns = {});
};

} // namespace Specula::Export
