// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemModel;

namespace Specula::Export {

// Any table model as CSV (RFC 4180): a header row from headerData, then one line per row of the
// display role, fields quoted when they hold a comma, a quote or a line break, lines ending in
// CRLF.
class TableCsv
{
public:
    static QString write(const QAbstractItemModel &model);
    static QString field(const QString &text);
};

} // namespace Specula::Export
