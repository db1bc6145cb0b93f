import { HttpProblem } from '../../platform/http/problem.js';
import { ACCEPTED_FILES } from './file-types.js';

/** Problem types of uploads, documented in docs/problems.md. */
export const uploadProblemTypes = {
  unsupportedFileType: '/docs/problems#unsupported-file-type',
  uploadExpired: '/docs/problems#upload-expired',
  uploadNotReceived: '/docs/problems#upload-not-received',
} as const;

export function unsupportedFileType(filename: string, contentType: string) {
  return new HttpProblem({
    status: 415,
    type: uploadProblemTypes.unsupportedFileType,
    title: 'Unsupported file type',
    detail: `${filename} (${contentType || 'no type'}) is not accepted; send ${ACCEPTED_FILES}.`,
  });
}

export function uploadExpired(key: string) {
  return new HttpProblem({
    status: 410,
    type: uploadProblemTypes.uploadExpired,
    title: 'Upload expired',
    detail: `The upload ${key} is too old to be used; upload the file again.`,
  });
}

export function uploadNotReceived(key: string) {
  return new HttpProblem({
    status: 422,
    type: uploadProblemTypes.uploadNotReceived,
    title: 'File not received',
    detail: `No file has arrived for the upload ${key}: send it to the upload URL first.`,
  });
}
