// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as an error body from an API server or a proxy in front of it.
#include "net/replyerror.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)Specula::Net::ReplyError::parseStatus(bytes);
    return 0;
}
